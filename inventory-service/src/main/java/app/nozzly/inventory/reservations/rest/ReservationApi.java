package app.nozzly.inventory.reservations.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.reservations.Reservation;

/** Wire records of /api/v1/inventory/reservations and their mapping from the entity. */
public final class ReservationApi {

    private ReservationApi() {
    }

    public record CreateReservation(String idempotencyKey, String spoolId, BigDecimal grams, Cause cause) {
    }

    public record AdjustReservation(BigDecimal grams) {
    }

    public record ReservationView(UUID id, UUID spoolId, BigDecimal grams, String status, Cause cause,
            String idempotencyKey, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public static ReservationView view(Reservation r) {
        return new ReservationView(r.id, r.itemId, Quantities.plain(r.grams), r.status,
                new Cause(r.causeType, r.causeId, r.causeRef), r.idempotencyKey, r.createdAt, r.updatedAt);
    }
}
