package app.nozzly.inventory.stock.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.inventory.common.Cause;

/** Payloads of topic {@code inventory.stock} (key = item id), documented in the module README. */
public final class StockEvents {

    public static final String TOPIC = "inventory.stock";
    public static final String MOVED = "inventory.stock.moved";
    public static final String LOW = "inventory.stock.low";

    private StockEvents() {
    }

    /** One ledger row. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StockMoved(UUID movementId, UUID transactionId, String itemType, UUID itemId, String kind,
            BigDecimal quantity, BigDecimal signedQuantity, String unit, BigDecimal balanceAfter, String lotNumber,
            UUID reservationId, Cause cause) {
    }

    /**
     * The item's stock fell to or below its low-stock threshold (once per downward crossing), with what open
     * reservations hold on it at that moment (module README, "Events").
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StockLow(String itemType, UUID itemId, String spoolId, BigDecimal current, BigDecimal threshold,
            String unit, BigDecimal reserved, List<HeldBy> reservations) {
    }

    /** An open reservation on the item; reference is what the reserving service named it by (e.g. a run number). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HeldBy(UUID reservationId, String reference, BigDecimal quantity) {
    }
}
