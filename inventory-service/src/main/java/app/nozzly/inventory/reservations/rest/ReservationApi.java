package app.nozzly.inventory.reservations.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.reservations.Reservation;

/**
 * Wire records of /api/v1/inventory/reservations (module README, "Reservations") and their mapping from the
 * entity; bounds are those of the reservation table. Grams are rounded half up to the milligram.
 */
public final class ReservationApi {

    private ReservationApi() {
    }

    /** Constants are named as on the wire. */
    public enum ReservationStatus {
        active, released, consumed
    }

    /** Without a cause, the reservation is the calling user's. */
    public record CreateReservation(@NotBlank @Size(max = 200) String idempotencyKey, @NotNull UUID spoolId,
            @NotNull @DecimalMin(Quantities.MIN) @DecimalMax(Quantities.MAX) BigDecimal grams, @Valid Cause cause) {
    }

    public record AdjustReservation(@NotNull @DecimalMin(Quantities.MIN) @DecimalMax(Quantities.MAX) BigDecimal grams) {
    }

    public record ReservationView(UUID id, UUID spoolId, BigDecimal grams, ReservationStatus status, Cause cause,
            String idempotencyKey, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public static ReservationView view(Reservation r) {
        return new ReservationView(r.id, r.itemId, Quantities.plain(r.grams), ReservationStatus.valueOf(r.status),
                Cause.of(r.causeType, r.causeId, r.causeRef), r.idempotencyKey, r.createdAt, r.updatedAt);
    }
}
