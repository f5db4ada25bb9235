package app.nozzly.ordersync.orders;

import java.util.List;

import app.nozzly.ordersync.etsy.client.EtsyModels;

/** The order and production statuses of specs/002, and how an Etsy receipt's status maps onto them. */
public final class OrderStatus {

    public static final String PENDING = "pending";
    public static final String PAID = "paid";
    public static final String SHIPPED = "shipped";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String REFUNDED = "refunded";
    public static final String PARTIALLY_REFUNDED = "partially_refunded";

    public static final List<String> ORDER = List.of(PENDING, PAID, SHIPPED, COMPLETED, CANCELLED, REFUNDED,
            PARTIALLY_REFUNDED);
    public static final List<String> PRODUCTION = List.of("pending", "queued", "in_progress", "completed", "failed",
            "on_hold", "cancelled");
    public static final String PRODUCTION_INITIAL = "pending";
    public static final List<String> DIRECTIONS = List.of("inbound", "outbound");
    public static final List<String> CHANNELS = List.of("etsy_message", "email", "phone", "other");

    private OrderStatus() {
    }

    public static String of(EtsyModels.Receipt receipt) {
        String etsy = receipt.status() == null ? "" : receipt.status().toLowerCase();
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
