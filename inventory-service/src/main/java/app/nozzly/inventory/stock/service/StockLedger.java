package app.nozzly.inventory.stock.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.InsufficientStockException;
import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.common.Units;
import app.nozzly.inventory.reservations.Reservation;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.StockLot;
import app.nozzly.inventory.stock.StockMovement;
import app.nozzly.inventory.stock.StockTransaction;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.errors.ErrorCodes;
import app.nozzly.platform.outbox.Outbox;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * The only code that changes stock (ARCHITECTURE "Stock correctness"). Items are locked with
 * {@code SELECT ... FOR UPDATE} in ascending id order (no deadlock between multi-line requests), re-read
 * under the lock, checked, changed, and every change is written as ledger rows with its cause and
 * announced through the outbox, all in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockLedger {

    private static final Logger LOG = Logger.getLogger(StockLedger.class);
    private static final DateTimeFormatter DEFAULT_LOT = DateTimeFormatter.ofPattern("'LOT-'yyyyMMdd");

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    Outbox outbox;

    /** Locks the items of this tenant in id order and returns them as they are now; absent ids are missing. */
    public Map<UUID, StockItem> lock(Collection<UUID> ids) {
        em.flush();
        List<UUID> sorted = ids.stream().distinct().sorted().toList();
        List<?> locked = em.createNativeQuery("select id from stock_item where tenant_id = ?1 and id in (?2)"
                + " order by id for update")
                .setParameter(1, tenants.require())
                .setParameter(2, sorted)
                .getResultList();
        Map<UUID, StockItem> items = new LinkedHashMap<>();
        for (Object id : locked) {
            StockItem item = em.find(StockItem.class, id);
            em.refresh(item);
            items.put(item.id, item);
        }
        return items;
    }

    /** Locks one item, answering 404 when it is not this tenant's item of that type. */
    public StockItem lockOne(String itemType, UUID id) {
        StockItem item = lock(List.of(id)).get(id);
        if (item == null || (itemType != null && !itemType.equals(item.itemType))) {
            throw ApiProblem.notFound(itemType == null ? "item" : itemType, id);
        }
        return item;
    }

    public StockMovement begin(Cause cause, String idempotencyKey, String note, String createdBy) {
        StockMovement movement = new StockMovement();
        movement.id = UUID.randomUUID();
        movement.idempotencyKey = idempotencyKey;
        movement.causeType = cause.type().name();
        movement.causeId = cause.id();
        movement.causeRef = cause.ref();
        movement.note = note;
        movement.createdBy = createdBy;
        movement.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(movement);
        return movement;
    }

    /**
     * Appends a ledger row for a change already applied to {@code item} (balance_after is its quantity
     * now) and announces it on {@code inventory.stock}.
     */
    public StockTransaction append(StockMovement movement, int lineNo, StockItem item, String kind, BigDecimal quantity,
            BigDecimal signedQuantity, String lotNumber, UUID reservationId, String note) {
        StockTransaction row = new StockTransaction();
        row.id = UUID.randomUUID();
        row.movementId = movement.id;
        row.lineNo = lineNo;
        row.itemType = item.itemType;
        row.itemId = item.id;
        row.kind = kind;
        row.quantity = Quantities.of(quantity);
        row.signedQuantity = Quantities.of(signedQuantity);
        row.unit = item.unit;
        row.balanceAfter = item.quantity;
        row.lotNumber = lotNumber;
        row.reservationId = reservationId;
        row.causeType = movement.causeType;
        row.causeId = movement.causeId;
        row.causeRef = movement.causeRef;
        row.note = note;
        row.createdAt = movement.createdAt;
        em.persist(row);
        outbox.publish(StockEvents.TOPIC, item.id.toString(), StockEvents.MOVED, new StockEvents.StockMoved(movement.id,
                row.id, row.itemType, row.itemId, row.kind, Quantities.plain(row.quantity),
                Quantities.plain(row.signedQuantity), row.unit, Quantities.plain(row.balanceAfter), row.lotNumber,
                row.reservationId, Cause.of(movement.causeType, movement.causeId, movement.causeRef)));
        return row;
    }

    /**
     * Finishes a change of {@code item}: detects a low-stock crossing by comparing with the armed flag
     * (one event per downward crossing; going back above the threshold re-arms it).
     */
    public void settle(StockItem item) {
        item.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        boolean low = item.isLow();
        if (low && !item.lowStockAlerted) {
            item.lowStockAlerted = true;
            String spoolCode = ItemTypes.SPOOL.equals(item.itemType) ? spoolCode(item.id) : null;
            LOG.infof("tenant %s: %s %s (%s) is low on stock: %s %s left, threshold %s", tenants.require(),
                    item.itemType, item.id, spoolCode, item.quantity.toPlainString(), item.unit,
                    item.lowStockThreshold.toPlainString());
            List<StockEvents.HeldBy> held = Reservation.<Reservation>list(
                    "itemId = ?1 and status = ?2 order by createdAt, id", item.id, Reservation.ACTIVE).stream()
                    .map(r -> new StockEvents.HeldBy(r.id, r.causeRef != null ? r.causeRef : r.causeId,
                            Quantities.plain(r.grams)))
                    .toList();
            BigDecimal reserved = held.stream().map(StockEvents.HeldBy::quantity).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            outbox.publish(StockEvents.TOPIC, item.id.toString(), StockEvents.LOW, new StockEvents.StockLow(
                    item.itemType, item.id, spoolCode, Quantities.plain(item.quantity),
                    Quantities.plain(item.lowStockThreshold), item.unit, Quantities.plain(reserved), held));
        } else if (!low && item.lowStockAlerted) {
            item.lowStockAlerted = false;
        }
    }

    /** Changes an item's low-stock threshold under its lock (a new threshold can itself be a crossing). */
    public void changeThreshold(String itemType, UUID id, BigDecimal threshold) {
        StockItem item = lockOne(itemType, id);
        item.lowStockThreshold = threshold == null ? null : Quantities.of(threshold);
        settle(item);
    }

    /** Applies all lines or none; 409 naming every line that lacks stock. */
    public AppliedMovement move(Cause cause, String idempotencyKey, String note, String createdBy,
            List<LedgerLine> lines) {
        Map<UUID, StockItem> items = lock(lines.stream().map(LedgerLine::itemId).toList());
        List<BigDecimal> quantities = new ArrayList<>();
        for (LedgerLine line : lines) {
            StockItem item = items.get(line.itemId());
            if (item == null || (line.itemType() != null && !line.itemType().equals(item.itemType))) {
                throw ApiProblem.notFound(line.itemType() == null ? "item" : line.itemType(), line.itemId());
            }
            BigDecimal quantity = Units.convert(line.quantity(), line.unit(), item.unit);
            if ("units".equals(item.unit) && quantity.stripTrailingZeros().scale() > 0) {
                throw ApiProblem.unprocessable(item.itemType + " " + item.id
                        + " is counted in whole units, got " + quantity.toPlainString());
            }
            quantities.add(Quantities.of(quantity));
        }
        Map<UUID, Reservation> reservations = reservations(lines);
        checkAvailability(lines, quantities, items, reservations);

        StockMovement movement = begin(cause, idempotencyKey, note, createdBy);
        List<AppliedMovement.Line> applied = new ArrayList<>();
        int lineNo = 0;
        for (int i = 0; i < lines.size(); i++) {
            LedgerLine line = lines.get(i);
            StockItem item = items.get(line.itemId());
            BigDecimal quantity = quantities.get(i);
            if (line.reservationId() != null) {
                Reservation reservation = reservations.get(line.reservationId());
                reservation.status = Reservation.CONSUMED;
                reservation.updatedAt = movement.createdAt;
                item.reserved = item.reserved.subtract(reservation.grams).max(BigDecimal.ZERO);
            }
            List<AppliedMovement.LotPortion> portions = new ArrayList<>();
            if (ItemTypes.hasLots(item.itemType)) {
                List<AppliedMovement.LotPortion> taken = line.outgoing()
                        ? takeFromLots(item, quantity, line.lotNumber())
                        : List.of(putIntoLot(item, quantity, line.lotNumber(), line.expiresAt(), movement.createdAt));
                for (AppliedMovement.LotPortion portion : taken) {
                    item.quantity = signed(item.quantity, portion.quantity(), line.outgoing());
                    append(movement, lineNo++, item, line.kind(), portion.quantity(),
                            line.outgoing() ? portion.quantity().negate() : portion.quantity(), portion.lotNumber(),
                            line.reservationId(), line.note());
                    portions.add(new AppliedMovement.LotPortion(portion.lotNumber(), portion.quantity()));
                }
            } else {
                item.quantity = signed(item.quantity, quantity, line.outgoing());
                append(movement, lineNo++, item, line.kind(), quantity, line.outgoing() ? quantity.negate() : quantity,
                        null, line.reservationId(), line.note());
            }
            applied.add(new AppliedMovement.Line(line, item.itemType, quantity, item.unit, item.quantity, portions));
        }
        items.values().forEach(this::settle);
        return new AppliedMovement(movement, applied);
    }

    private Map<UUID, Reservation> reservations(List<LedgerLine> lines) {
        Map<UUID, Reservation> reservations = new HashMap<>();
        for (LedgerLine line : lines) {
            if (line.reservationId() == null) {
                continue;
            }
            if (reservations.containsKey(line.reservationId())) {
                throw ApiProblem.badRequest("reservation " + line.reservationId() + " is named by two lines");
            }
            Reservation reservation = Reservation.findById(line.reservationId());
            if (reservation == null) {
                throw ApiProblem.notFound("reservation", line.reservationId());
            }
            em.refresh(reservation);
            if (!reservation.itemId.equals(line.itemId())) {
                throw ApiProblem.unprocessable("reservation " + reservation.id + " is for item "
                        + reservation.itemId + ", not " + line.itemId());
            }
            if (!Reservation.ACTIVE.equals(reservation.status)) {
                throw ApiProblem.conflict("reservation " + reservation.id + " is already " + reservation.status);
            }
            reservations.put(reservation.id, reservation);
        }
        return reservations;
    }

    private void checkAvailability(List<LedgerLine> lines, List<BigDecimal> quantities,
            Map<UUID, StockItem> items, Map<UUID, Reservation> reservations) {
        Map<UUID, BigDecimal> out = new LinkedHashMap<>();
        Map<UUID, BigDecimal> freed = new HashMap<>();
        Set<UUID> respectsReservations = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            LedgerLine line = lines.get(i);
            if (line.outgoing()) {
                out.merge(line.itemId(), quantities.get(i), BigDecimal::add);
                if (!line.physical()) {
                    respectsReservations.add(line.itemId());
                }
            }
            if (line.reservationId() != null) {
                freed.merge(line.itemId(), reservations.get(line.reservationId()).grams, BigDecimal::add);
            }
        }
        List<InsufficientStockException.Line> lacking = new ArrayList<>();
        for (Map.Entry<UUID, BigDecimal> entry : out.entrySet()) {
            StockItem item = items.get(entry.getKey());
            BigDecimal available = respectsReservations.contains(item.id)
                    ? item.quantity.subtract(item.reserved.subtract(freed.getOrDefault(item.id, BigDecimal.ZERO))
                            .max(BigDecimal.ZERO))
                    : item.quantity;
            if (entry.getValue().compareTo(available) > 0) {
                lacking.add(new InsufficientStockException.Line(item.id, entry.getValue(), available.max(BigDecimal.ZERO)));
            }
        }
        if (!lacking.isEmpty()) {
            InsufficientStockException refused = new InsufficientStockException(lacking);
            LOG.infof("tenant %s: movement refused. %s", tenants.require(), refused.getMessage());
            throw refused;
        }
    }

    private List<AppliedMovement.LotPortion> takeFromLots(StockItem item, BigDecimal quantity, String lotNumber) {
        List<StockLot> lots = StockLot.ofItem(item.id);
        lots.forEach(em::refresh);
        List<AppliedMovement.LotPortion> taken = new ArrayList<>();
        if (lotNumber != null) {
            StockLot lot = lots.stream().filter(l -> l.lotNumber.equals(lotNumber)).findFirst()
                    .orElseThrow(() -> new ApiProblem(404, ErrorCodes.NOT_FOUND, "lot " + lotNumber + " of "
                            + item.itemType + " " + item.id + " not found", Map.of("id", lotNumber)));
            if (lot.quantity.compareTo(quantity) < 0) {
                throw new InsufficientStockException(List.of(new InsufficientStockException.Line(item.id, quantity,
                        lot.quantity)));
            }
            lot.quantity = lot.quantity.subtract(quantity);
            return List.of(new AppliedMovement.LotPortion(lot.lotNumber, quantity));
        }
        BigDecimal remaining = quantity;
        for (StockLot lot : lots) {
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal take = lot.quantity.min(remaining);
            if (take.signum() > 0) {
                lot.quantity = lot.quantity.subtract(take);
                remaining = remaining.subtract(take);
                taken.add(new AppliedMovement.LotPortion(lot.lotNumber, take));
            }
        }
        if (remaining.signum() > 0) {
            throw new InsufficientStockException(List.of(new InsufficientStockException.Line(item.id, quantity,
                    quantity.subtract(remaining))));
        }
        return taken;
    }

    private AppliedMovement.LotPortion putIntoLot(StockItem item, BigDecimal quantity, String lotNumber,
            LocalDate expiresAt, OffsetDateTime now) {
        String number = lotNumber != null ? lotNumber : DEFAULT_LOT.format(now);
        StockLot lot = StockLot.find("itemId = ?1 and lotNumber = ?2", item.id, number).firstResult();
        if (lot == null) {
            lot = new StockLot();
            lot.id = UUID.randomUUID();
            lot.itemId = item.id;
            lot.lotNumber = number;
            lot.quantity = BigDecimal.ZERO;
            lot.receivedAt = now;
            lot.expiresAt = expiresAt;
            em.persist(lot);
        } else {
            em.refresh(lot);
            if (lot.expiresAt == null) {
                lot.expiresAt = expiresAt;
            }
        }
        lot.quantity = lot.quantity.add(quantity);
        return new AppliedMovement.LotPortion(number, quantity);
    }

    private String spoolCode(UUID id) {
        List<?> codes = em.createNativeQuery("select spool_code from spool where id = ?1 and tenant_id = ?2")
                .setParameter(1, id).setParameter(2, tenants.require()).getResultList();
        return codes.isEmpty() ? null : (String) codes.get(0);
    }

    private static BigDecimal signed(BigDecimal balance, BigDecimal quantity, boolean outgoing) {
        return outgoing ? balance.subtract(quantity) : balance.add(quantity);
    }
}
