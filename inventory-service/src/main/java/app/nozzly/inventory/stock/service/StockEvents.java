package app.nozzly.inventory.stock.service;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

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
    public record StockMoved(UUID movementId, UUID transactionId, String itemType, UUID itemId, String kind,
            BigDecimal quantity, BigDecimal signedQuantity, String unit, BigDecimal balanceAfter, String lotNumber,
            UUID reservationId, Cause cause) {
    }

    /** The item's stock fell to or below its low-stock threshold (once per downward crossing). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StockLow(String itemType, UUID itemId, String spoolId, BigDecimal current, BigDecimal threshold,
            String unit) {
    }
}
