package app.nozzly.ordersync.orders;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an order's production stands (specs/002 production_status, lower case on the wire): set by a seller, or
 * followed from the order's production runs (README, "Orders follow their production runs").
 */
public enum ProductionStatus {

    PENDING, QUEUED, IN_PROGRESS, COMPLETED, FAILED, ON_HOLD, CANCELLED;

    /** The status as specs/002 writes it, and as the order's row holds it. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a client or the order's row names; the query parameter {@code production_status} is read here. */
    public static ProductionStatus fromString(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + wire + "' is not a production status; one of "
                        + Arrays.stream(values()).map(ProductionStatus::wire).collect(Collectors.joining(", "))));
    }
}
