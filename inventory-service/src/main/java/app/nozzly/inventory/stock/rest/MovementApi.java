package app.nozzly.inventory.stock.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.common.Unit;
import app.nozzly.inventory.stock.ItemType;
import app.nozzly.inventory.stock.TransactionKind;

/**
 * Wire records of POST /api/v1/inventory/movements and GET /api/v1/inventory/transactions (module README,
 * "Movements", "Ledger"); bounds are those of stock_movement and stock_transaction.
 */
public final class MovementApi {

    public static final int MAX_LINES = 200;
    public static final int MAX_NOTE = 2000;
    /** Text that is absent or holds a character other than white space. */
    public static final String NOT_BLANK = "(?s).*\\S.*";

    private MovementApi() {
    }

    /** consumption and waste take stock out; receipt, reversal and production_output bring it in. */
    public enum MovementKind {
        consumption(true), waste(true), receipt(false), adjustment(false), reversal(false), production_output(false);

        private final boolean outgoing;

        MovementKind(boolean outgoing) {
            this.outgoing = outgoing;
        }

        /** Which way the kind moves stock; an adjustment goes the way its direction says. */
        public boolean outgoing(Direction direction) {
            return this == adjustment ? direction == Direction.out : outgoing;
        }
    }

    /** The way an adjustment moves stock. */
    public enum Direction {
        in, out
    }

    public record MovementRequest(@NotBlank @Size(max = 200) String idempotencyKey, @NotNull @Valid Cause cause,
            @Size(max = MAX_NOTE) String note,
            @NotNull @Size(min = 1, max = MAX_LINES) List<@NotNull @Valid LineRequest> lines) {
    }

    /** quantity is always positive; the kind (or direction, for adjustments) says which way it moves. */
    public record LineRequest(@NotNull ItemType itemType, @NotNull UUID itemId, @NotNull MovementKind kind,
            Direction direction,
            @NotNull @DecimalMin(Quantities.MIN) @DecimalMax(Quantities.MAX) BigDecimal quantity,
            @NotNull Unit unit, UUID reservationId,
            @Size(max = 64) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String lotNumber,
            LocalDate expiresAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MovementView(UUID id, String idempotencyKey, Cause cause, String note, OffsetDateTime createdAt,
            List<LineView> lines) {
    }

    /** quantity, unit and balance_after are in the item's own unit; lots for materials and products. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineView(ItemType itemType, UUID itemId, MovementKind kind, Direction direction,
            BigDecimal quantity, Unit unit, BigDecimal balanceAfter, UUID reservationId, List<MovedLot> lots) {
    }

    /** What a line moved into or out of one lot. */
    public record MovedLot(String lotNumber, BigDecimal quantity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransactionView(UUID id, UUID movementId, ItemType itemType, UUID itemId, TransactionKind kind,
            BigDecimal quantity, BigDecimal signedQuantity, Unit unit, BigDecimal balanceAfter, String lotNumber,
            UUID reservationId, Cause cause, String note, OffsetDateTime createdAt) {
    }

    /** A page of the ledger (the JSON answer of GET /api/v1/inventory/transactions). */
    public record TransactionPage(List<TransactionView> items, long total, int page, int size) {
    }
}
