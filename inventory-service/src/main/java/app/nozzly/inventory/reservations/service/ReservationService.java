package app.nozzly.inventory.reservations.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.CauseType;
import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.common.idempotency.IdempotencyStore;
import app.nozzly.inventory.reservations.Reservation;
import app.nozzly.inventory.reservations.rest.ReservationApi;
import app.nozzly.inventory.stock.service.StockLedger;
import app.nozzly.platform.errors.ApiProblem;

/**
 * Reservations of spool grams (contract "API for other services"): available = current - active
 * reservations; released on cancel, consumed by the movement line that names them. Each change is a
 * ledger row of kind {@code reservation} with signed quantity 0, so stock still equals the ledger's sum.
 */
@ApplicationScoped
@Transactional
public class ReservationService {

    private static final String SCOPE = "reservation";

    @Inject
    StockLedger ledger;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    EntityManager em;

    public IdempotencyStore.Answer reserve(ReservationApi.CreateReservation request, String user) {
        String key = request.idempotencyKey();
        Cause cause = request.cause() == null ? new Cause(CauseType.user, user == null ? "unknown" : user, null)
                : request.cause();
        return idempotency.once(SCOPE, key, request, () -> newReservation(request, key, cause, user));
    }

    private ReservationApi.ReservationView newReservation(ReservationApi.CreateReservation request, String key,
            Cause cause, String user) {
        Reservation reservation = new Reservation();
        reservation.id = UUID.randomUUID();
        reservation.itemId = request.spoolId();
        reservation.grams = Quantities.of(request.grams());
        reservation.status = Reservation.ACTIVE;
        reservation.causeType = cause.type().name();
        reservation.causeId = cause.id();
        reservation.causeRef = cause.ref();
        reservation.idempotencyKey = key;
        reservation.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        reservation.updatedAt = reservation.createdAt;
        ledger.reserve(reservation, cause, key, user);
        return ReservationApi.view(reservation);
    }

    /** Releases an active reservation; releasing a released one answers it unchanged. */
    public ReservationApi.ReservationView release(UUID id, String user) {
        Reservation reservation = lockedReservation(id);
        if (Reservation.RELEASED.equals(reservation.status)) {
            return ReservationApi.view(reservation);
        }
        requireActive(reservation);
        ledger.release(reservation, cause(reservation), user);
        return ReservationApi.view(reservation);
    }

    /** Changes the grams of an active reservation; 409 when the new amount no longer fits. */
    public ReservationApi.ReservationView adjust(UUID id, BigDecimal grams, String user) {
        BigDecimal wanted = Quantities.of(grams);
        Reservation reservation = lockedReservation(id);
        requireActive(reservation);
        ledger.adjust(reservation, wanted, cause(reservation), user);
        return ReservationApi.view(reservation);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReservationApi.ReservationView get(UUID id) {
        return Reservation.<Reservation>findByIdOptional(id).map(ReservationApi::view)
                .orElseThrow(() -> ApiProblem.notFound("reservation", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<ReservationApi.ReservationView> list(UUID spoolId, ReservationApi.ReservationStatus status,
            CauseType causeType, String causeId, Paging paging) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (spoolId != null) {
            where.add("itemId = :item");
            params.put("item", spoolId);
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status.name());
        }
        if (causeType != null) {
            where.add("causeType = :causeType");
            params.put("causeType", causeType.name());
        }
        if (causeId != null && !causeId.isBlank()) {
            where.add("causeId = :causeId");
            params.put("causeId", causeId);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = Reservation.<Reservation>find(query, Sort.descending("createdAt").and("id"), params);
        long total = found.count();
        List<ReservationApi.ReservationView> items = found.page(Page.of(paging.page() - 1, paging.size())).list()
                .stream().map(ReservationApi::view).toList();
        return paging.result(items, total);
    }

    /** The reservation under its row lock, taken before its spool's (the lock order of every stock change). */
    private Reservation lockedReservation(UUID id) {
        Reservation reservation = em.find(Reservation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (reservation == null) {
            throw ApiProblem.notFound("reservation", id);
        }
        return reservation;
    }

    private static void requireActive(Reservation reservation) {
        if (!Reservation.ACTIVE.equals(reservation.status)) {
            throw ApiProblem.conflict("reservation " + reservation.id + " is already " + reservation.status);
        }
    }

    private static Cause cause(Reservation reservation) {
        return Cause.of(reservation.causeType, reservation.causeId, reservation.causeRef);
    }
}
