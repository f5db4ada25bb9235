package app.nozzly.inventory.stock.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.nozzly.inventory.common.Cause;

/** Wire records of POST /api/v1/inventory/movements and GET /api/v1/inventory/transactions. */
public final class MovementApi {

    private MovementApi() {
    }

    public record MovementRequest(String idempotencyKey, Cause cause, String note, List<LineRequest> lines) {
    }

    /** quantity is always positive; the kind (or direction, for adjustments) says which way it moves. */
    public record LineRequest(String itemType, String itemId, String kind, String direction, BigDecimal quantity,
            String unit, String reservationId, String lotNumber, LocalDate expiresAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MovementView(UUID id, String idempotencyKey, Cause cause, String note, OffsetDateTime createdAt,
            List<LineView> lines) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineView(String itemType, UUID itemId, String kind, String direction, BigDecimal quantity,
            String unit, BigDecimal balanceAfter, UUID reservationId, List<LotView> lots) {
    }

    public record LotView(String lotNumber, BigDecimal quantity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransactionView(UUID id, UUID movementId, String itemType, UUID itemId, String kind,
            BigDecimal quantity, BigDecimal signedQuantity, String unit, BigDecimal balanceAfter, String lotNumber,
            UUID reservationId, Cause cause, String note, OffsetDateTime createdAt) {
    }
}
