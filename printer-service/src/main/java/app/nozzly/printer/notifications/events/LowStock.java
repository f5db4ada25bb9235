package app.nozzly.printer.notifications.events;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Our reading of inventory-service's inventory.stock.low payload with its reservations (chain contract C3). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LowStock(String itemType, String itemId, String spoolId, BigDecimal current, BigDecimal threshold,
        String unit, BigDecimal reserved, List<Reservation> reservations) {

    public static final String TYPE = "inventory.stock.low";

    /** Whether open reservations (production runs) still wait for this stock. */
    public boolean reservedByOpenRuns() {
        return reserved != null && reserved.signum() > 0;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Reservation(String reservationId, String reference, BigDecimal quantity) {
    }
}
