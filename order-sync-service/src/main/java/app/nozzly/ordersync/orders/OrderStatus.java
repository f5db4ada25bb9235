package app.nozzly.ordersync.orders;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.ordersync.etsy.client.EtsyModels;

/** The order statuses of specs/002 (lower case on the wire), and how an Etsy receipt's status maps onto them. */
public enum OrderStatus {

    PENDING, PAID, SHIPPED, COMPLETED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED;

    /** The status as specs/002 writes it, and as the order's row holds it. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a client or the order's row names; the query parameter {@code status} is read here. */
    public static OrderStatus fromString(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + wire + "' is not an order status; one of "
                        + Arrays.stream(values()).map(OrderStatus::wire).collect(Collectors.joining(", "))));
    }

    public static OrderStatus of(EtsyModels.Receipt receipt) {
        String etsy = receipt.status() == null ? "" : receipt.status().toLowerCase(Locale.ROOT);
        return switch (etsy) {
            case "canceled", "cancelled" -> CANCELLED;
            case "fully refunded" -> REFUNDED;
            case "partially refunded" -> PARTIALLY_REFUNDED;
            case "open", "payment processing" -> PENDING;
            case "completed" -> SHIPPED;
            default -> receipt.isShipped() ? SHIPPED : PAID;
        };
    }
}
