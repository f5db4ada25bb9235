package app.nozzly.inventory.stock.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.hibernate.engine.spi.SessionImplementor;
import org.jboss.logging.Logger;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.InsufficientStockException;
import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.common.Units;
import app.nozzly.inventory.reservations.Reservation;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.StockMovement;
import app.nozzly.inventory.stock.StockTransaction;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.errors.ErrorCodes;
import app.nozzly.platform.outbox.Outbox;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * The only code that changes stock (ARCHITECTURE "Stock correctness"). A change of an item is one conditional
 * statement on its row ({@code update stock_item ... where quantity - out >= floor returning ...}) issued after
 * everything that does not need the new balance, so the row stays locked from that statement to the commit only;
 * a movement of items without lots writes its ledger rows and their events in that same statement (their balances
 * are the new quantity less what later lines move), so nothing but the commit follows the lock in a round trip of
 * its own. A refused statement is a 409 and the transaction writes nothing. Items change in ascending id order and the
 * reservations a movement converts are taken before them (no deadlock between multi-line requests). Every change
 * is written as ledger rows whose balance_after the statement returned, with its cause, and announced through the
 * outbox, all in the caller's transaction. Quantity never goes below zero.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockLedger {

    private static final Logger LOG = Logger.getLogger(StockLedger.class);
    private static final DateTimeFormatter DEFAULT_LOT = DateTimeFormatter.ofPattern("'LOT-'yyyyMMdd");

    /** Lines in and out: stock out never below its floor, zero or (for uses) what reservations still hold. */
    private static final String MOVE = change("s.quantity + :delta", "greatest(s.reserved - :freed, 0)",
            "s.low_stock_threshold",
            "s.quantity - :out >= case when :respects then greatest(s.reserved - :freed, 0) else 0 end");
    private static final String COUNT = change(":counted", "s.reserved", "s.low_stock_threshold", "true");
    private static final String THRESHOLD = change("s.quantity", "s.reserved", "cast(:threshold as numeric)", "true");
    /** A reservation lets go of {@code release} grams and holds {@code hold}, which must be available. */
    private static final String RESERVE = change("s.quantity", "greatest(s.reserved - :release, 0) + :hold",
            "s.low_stock_threshold", "(:hold = 0.0 or s.quantity - greatest(s.reserved - :release, 0) >= :hold)");
    /** The same statements writing the change's ledger rows and their events too (see {@link #writing}). */
    private static final String MOVE_WRITING = writing(MOVE);
    private static final String RESERVE_WRITING = writing(RESERVE);

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    /** What never changes about an item: its type and unit. */
    private record Item(UUID id, String itemType, String unit) {
    }

    /** An item's row as one statement left it, with its quantity and low-stock flag before. */
    private record Changed(Item item, BigDecimal before, BigDecimal quantity, BigDecimal reserved, BigDecimal threshold,
            boolean wasAlerted, boolean alerted) {
    }

    /** What a movement's lines do to one of its items together. */
    private static final class Sums {
        BigDecimal in = BigDecimal.ZERO;
        BigDecimal out = BigDecimal.ZERO;
        BigDecimal freed = BigDecimal.ZERO;
        /** an outgoing line that is not a physical fact keeps off what reservations hold */
        boolean respects;
    }

    /** What a count did: the quantity before and after, and its movement (null when nothing was recorded). */
    public record Counted(BigDecimal before, BigDecimal after, StockMovement movement) {
    }

    /** Applies all lines or none; 409 naming every line that lacks stock. */
    public AppliedMovement move(Cause cause, String idempotencyKey, String note, String createdBy,
            List<LedgerLine> lines) {
        return move(UUID.randomUUID(), cause, idempotencyKey, note, createdBy, lines);
    }

    /** {@link #move} as the movement {@code movementId}, which {@link #recorded} finds again. */
    public AppliedMovement move(UUID movementId, Cause cause, String idempotencyKey, String note, String createdBy,
            List<LedgerLine> lines) {
        Map<UUID, Item> items = items(lines.stream().map(LedgerLine::itemId).toList());
        List<BigDecimal> quantities = new ArrayList<>();
        for (LedgerLine line : lines) {
            Item item = items.get(line.itemId());
            if (item == null || (line.itemType() != null && !line.itemType().equals(item.itemType()))) {
                throw ApiProblem.notFound(line.itemType() == null ? "item" : line.itemType(), line.itemId());
            }
            BigDecimal quantity = Units.convert(line.quantity(), line.unit(), item.unit());
            if ("units".equals(item.unit()) && quantity.stripTrailingZeros().scale() > 0) {
                throw ApiProblem.unprocessable(item.itemType() + " " + item.id()
                        + " is counted in whole units, got " + quantity.toPlainString());
            }
            quantities.add(Quantities.of(quantity));
        }
        Map<UUID, Reservation> reservations = reservations(lines);
        Map<UUID, Sums> sums = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            LedgerLine line = lines.get(i);
            Sums item = sums.computeIfAbsent(line.itemId(), id -> new Sums());
            if (line.outgoing()) {
                item.out = item.out.add(quantities.get(i));
                item.respects |= !line.physical();
            } else {
                item.in = item.in.add(quantities.get(i));
            }
            if (line.reservationId() != null) {
                item.freed = item.freed.add(reservations.get(line.reservationId()).grams);
            }
        }

        StockMovement movement = begin(movementId, cause, idempotencyKey, note, createdBy);
        reservations.values().forEach(r -> {
            r.status = Reservation.CONSUMED;
            r.updatedAt = movement.createdAt;
        });
        boolean written = items.values().stream().noneMatch(item -> ItemTypes.hasLots(item.itemType()));
        Map<UUID, String> rows = written ? rows(movement, lines, items, quantities, sums) : Map.of();
        em.flush();
        Map<UUID, Changed> changed = new LinkedHashMap<>();
        for (UUID id : new TreeSet<>(sums.keySet())) {
            Sums sum = sums.get(id);
            Changed item = change(written ? MOVE_WRITING : MOVE, items.get(id), q -> {
                q.setParameter("delta", sum.in.subtract(sum.out)).setParameter("freed", sum.freed)
                        .setParameter("out", sum.out).setParameter("respects", sum.respects);
                if (written) {
                    q.setParameter("rows", rows.get(id)).setParameter("movement", movement.id);
                }
            });
            if (item == null) {
                throw refused(sums, changed.keySet(), id);
            }
            changed.put(id, item);
        }

        Map<UUID, BigDecimal> balances = new HashMap<>();
        changed.values().forEach(c -> balances.put(c.item().id(), c.before()));
        List<AppliedMovement.Line> applied = new ArrayList<>();
        int lineNo = 0;
        for (int i = 0; i < lines.size(); i++) {
            LedgerLine line = lines.get(i);
            Item item = items.get(line.itemId());
            BigDecimal quantity = quantities.get(i);
            boolean lots = ItemTypes.hasLots(item.itemType());
            List<AppliedMovement.LotPortion> portions = !lots ? List.of(new AppliedMovement.LotPortion(null, quantity))
                    : line.outgoing() ? takeFromLots(item, quantity, line.lotNumber())
                    : List.of(putIntoLot(item, quantity, line.lotNumber(), line.expiresAt(), movement.createdAt));
            for (AppliedMovement.LotPortion portion : portions) {
                BigDecimal signed = line.outgoing() ? portion.quantity().negate() : portion.quantity();
                BigDecimal balance = balances.merge(item.id(), signed, BigDecimal::add);
                if (!written) {
                    row(movement, lineNo, item, balance, line.kind(), portion.quantity(), signed,
                            portion.lotNumber(), line.reservationId(), line.note());
                }
                lineNo++;
            }
            applied.add(new AppliedMovement.Line(line, item.itemType(), quantity, item.unit(), balances.get(item.id()),
                    lots ? portions : List.of()));
        }
        changed.values().forEach(this::settle);
        changed.keySet().forEach(this::resync);
        return new AppliedMovement(movement, applied);
    }

    /**
     * Movement {@code id} as {@link #move} answered it, rebuilt from its ledger rows and the {@code lines} it was
     * asked to apply: a line's rows follow each other in line order, one, or one per lot it took from.
     */
    public AppliedMovement recorded(UUID id, List<LedgerLine> lines) {
        StockMovement movement = em.find(StockMovement.class, id);
        List<StockTransaction> rows = StockTransaction.list("movementId = ?1 order by lineNo", id);
        List<AppliedMovement.Line> applied = new ArrayList<>();
        int next = 0;
        for (LedgerLine line : lines) {
            StockTransaction first = rows.get(next);
            BigDecimal quantity = Quantities.of(Units.convert(line.quantity(), line.unit(), first.unit));
            List<AppliedMovement.LotPortion> portions = new ArrayList<>();
            StockTransaction last = first;
            for (BigDecimal moved = BigDecimal.ZERO; moved.compareTo(quantity) < 0; moved = moved.add(last.quantity)) {
                last = rows.get(next++);
                portions.add(new AppliedMovement.LotPortion(last.lotNumber, last.quantity));
            }
            applied.add(new AppliedMovement.Line(line, first.itemType, quantity, first.unit, last.balanceAfter,
                    ItemTypes.hasLots(first.itemType) ? portions : List.of()));
        }
        return new AppliedMovement(movement, applied);
    }

    /**
     * The ledger rows of a movement whose items have no lots, as {@link #writing} takes them (a JSON array per item,
     * one row a line, in line order), and their events staged in the outbox.
     */
    private Map<UUID, String> rows(StockMovement movement, List<LedgerLine> lines, Map<UUID, Item> items,
            List<BigDecimal> quantities, Map<UUID, Sums> sums) {
        Map<UUID, BigDecimal> moved = new HashMap<>();
        Map<UUID, ArrayNode> rows = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            LedgerLine line = lines.get(i);
            Item item = items.get(line.itemId());
            BigDecimal quantity = quantities.get(i);
            BigDecimal signed = line.outgoing() ? quantity.negate() : quantity;
            Sums sum = sums.get(item.id());
            BigDecimal shift = moved.merge(item.id(), signed, BigDecimal::add).subtract(sum.in.subtract(sum.out));
            pending(rows.computeIfAbsent(item.id(), x -> mapper.createArrayNode()), movement, item, i, line.kind(),
                    quantity, signed, shift, line.reservationId(), line.note());
        }
        Map<UUID, String> json = new HashMap<>();
        rows.forEach((id, array) -> json.put(id, array.toString()));
        return json;
    }

    /** Adds a ledger row to write with its item's change (all but its balance) and stages its event. */
    private void pending(ArrayNode rows, StockMovement movement, Item item, int lineNo, String kind,
            BigDecimal quantity, BigDecimal signed, BigDecimal shift, UUID reservationId, String note) {
        UUID id = UUID.randomUUID();
        Outbox.Staged event = outbox.stage(StockEvents.MOVED, item.id().toString(), new StockEvents.StockMoved(
                movement.id, id, item.itemType(), item.id(), kind, Quantities.plain(quantity), Quantities.plain(signed),
                item.unit(), null, null, reservationId, Cause.of(movement.causeType, movement.causeId,
                        movement.causeRef)));
        rows.addObject().put("id", id.toString()).put("line_no", lineNo).put("kind", kind).put("quantity", quantity)
                .put("signed", signed).put("shift", shift)
                .put("reservation_id", reservationId == null ? null : reservationId.toString()).put("note", note)
                .put("event_id", event.event().id()).put("envelope", event.envelope());
    }

    /**
     * Sets an item's quantity to what was counted or weighed (a physical fact: it may fall into reserved stock,
     * never below zero); the difference is one ledger row of {@code kind}, whose note is made from the quantity
     * before. An unchanged count is recorded only when {@code recordUnchanged}.
     */
    public Counted count(Cause cause, String note, String createdBy, String itemType, UUID id, BigDecimal counted,
            String kind, boolean recordUnchanged, Function<BigDecimal, String> lineNote) {
        StockMovement movement = recordUnchanged ? begin(cause, null, note, createdBy) : null;
        em.flush();
        Changed item = change(COUNT, itemType, id, q -> q.setParameter("counted", Quantities.of(counted)));
        if (item == null) {
            throw ApiProblem.notFound(itemType, id);
        }
        BigDecimal difference = item.quantity().subtract(item.before());
        if (difference.signum() != 0 || recordUnchanged) {
            if (movement == null) {
                movement = begin(cause, null, note, createdBy);
            }
            row(movement, 0, item.item(), item.quantity(), kind, difference.abs(), difference, null, null,
                    lineNote.apply(item.before()));
            settle(item);
        }
        resync(id);
        return new Counted(item.before(), item.quantity(), movement);
    }

    /** Changes an item's low-stock threshold (a new threshold can itself be a crossing). */
    public void changeThreshold(String itemType, UUID id, BigDecimal threshold) {
        em.flush();
        Changed item = change(THRESHOLD, itemType, id,
                q -> q.setParameter("threshold", threshold == null ? null : Quantities.of(threshold)));
        if (item == null) {
            throw ApiProblem.notFound(itemType, id);
        }
        settle(item);
        resync(id);
    }

    /** Holds a new reservation's grams on its spool; 409 when they are not available (current minus reserved). */
    public void reserve(Reservation reservation, Cause cause, String idempotencyKey, String createdBy) {
        Item spool = items(List.of(reservation.itemId)).get(reservation.itemId);
        if (spool == null || !ItemTypes.SPOOL.equals(spool.itemType())) {
            throw ApiProblem.notFound(ItemTypes.SPOOL, reservation.itemId);
        }
        em.persist(reservation);
        hold(spool, reservation, cause, idempotencyKey, createdBy, reservation.grams, BigDecimal.ZERO,
                "reserved " + reservation.grams.toPlainString() + " g");
    }

    /** Lets go of an active reservation's grams; the caller holds the reservation's row lock. */
    public void release(Reservation reservation, Cause cause, String createdBy) {
        reservation.status = Reservation.RELEASED;
        reservation.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        hold(spoolOf(reservation), reservation, cause, null, createdBy, BigDecimal.ZERO, reservation.grams,
                "released " + reservation.grams.toPlainString() + " g");
    }

    /** Changes the grams of an active reservation; 409 when the new amount no longer fits. */
    public void adjust(Reservation reservation, BigDecimal grams, Cause cause, String createdBy) {
        BigDecimal before = reservation.grams;
        reservation.grams = grams;
        reservation.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        hold(spoolOf(reservation), reservation, cause, null, createdBy, grams, before,
                "adjusted from " + before.toPlainString() + " g to " + grams.toPlainString() + " g");
    }

    /**
     * An item's reserved quantity read under its row lock, for a rule that must see every reservation being made
     * (archiving); the lock is held to the commit, so only the rule's own writes should follow.
     */
    public BigDecimal reservedLocked(String itemType, UUID id) {
        em.flush();
        List<?> rows = em.createNativeQuery("select reserved from stock_item where tenant_id = :tenant and id = :id"
                + " and item_type = :type for no key update")
                .setParameter("tenant", tenants.require()).setParameter("id", id).setParameter("type", itemType)
                .getResultList();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound(itemType, id);
        }
        return (BigDecimal) rows.get(0);
    }

    /**
     * Locks one item for a change that must read it first (Spoolman's used weight is derived from the stock and
     * its own offset together), answering 404 when it is not this tenant's item of that type. One statement takes
     * the lock and reads the row; change it with {@link #append} and {@link #settle}.
     */
    public StockItem lockOne(String itemType, UUID id) {
        em.flush();
        StockItem item = held(id);
        if (item != null) {
            em.refresh(item, LockModeType.PESSIMISTIC_WRITE);
        } else {
            item = em.find(StockItem.class, id, LockModeType.PESSIMISTIC_WRITE);
        }
        if (item == null || (itemType != null && !itemType.equals(item.itemType))) {
            throw ApiProblem.notFound(itemType == null ? "item" : itemType, id);
        }
        return item;
    }

    public StockMovement begin(Cause cause, String idempotencyKey, String note, String createdBy) {
        return begin(UUID.randomUUID(), cause, idempotencyKey, note, createdBy);
    }

    private StockMovement begin(UUID id, Cause cause, String idempotencyKey, String note, String createdBy) {
        StockMovement movement = new StockMovement();
        movement.id = id;
        movement.idempotencyKey = idempotencyKey;
        movement.causeType = cause.type().name();
        movement.causeId = cause.id();
        movement.causeRef = cause.ref();
        movement.note = note;
        movement.createdBy = createdBy;
        // as the database keeps it, so that an answer rebuilt from the row is the answer given first
        movement.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        em.persist(movement);
        return movement;
    }

    /**
     * Appends a ledger row for a change already applied to the locked {@code item} (balance_after is its quantity
     * now) and announces it on {@code inventory.stock}.
     */
    public StockTransaction append(StockMovement movement, int lineNo, StockItem item, String kind, BigDecimal quantity,
            BigDecimal signedQuantity, String lotNumber, UUID reservationId, String note) {
        return row(movement, lineNo, new Item(item.id, item.itemType, item.unit), item.quantity, kind, quantity,
                signedQuantity, lotNumber, reservationId, note);
    }

    /**
     * Finishes a change of the locked {@code item}: detects a low-stock crossing by comparing with the armed flag
     * (one event per downward crossing; going back above the threshold re-arms it).
     */
    public void settle(StockItem item) {
        item.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        boolean low = item.isLow();
        if (low && !item.lowStockAlerted) {
            item.lowStockAlerted = true;
            announceLow(new Item(item.id, item.itemType, item.unit), item.quantity, item.lowStockThreshold);
        } else if (!low && item.lowStockAlerted) {
            item.lowStockAlerted = false;
        }
    }

    /**
     * One statement that takes an item's row lock and changes it when {@code condition} holds, answering the row
     * before and after; the subquery takes the lock and keeps the values before (RETURNING shows only the new ones).
     * The low-stock flag follows the new quantity and threshold.
     */
    private static String change(String quantity, String reserved, String threshold, String condition) {
        return "update stock_item s set quantity = " + quantity + ", reserved = " + reserved
                + ", low_stock_threshold = " + threshold + ", low_stock_alerted = coalesce(" + quantity + " <= "
                + threshold + ", false), updated_at = now()"
                + " from (select id, quantity, low_stock_alerted from stock_item"
                + " where tenant_id = :tenant and id = :id and item_type = :type for no key update) old"
                + " where s.id = old.id and " + condition
                + " returning s.unit, old.quantity as before, s.quantity, s.reserved, s.low_stock_threshold,"
                + " old.low_stock_alerted as was_alerted, s.low_stock_alerted as alerted";
    }

    /**
     * A change statement that also writes the item's ledger rows, prepared before the lock as a JSON array
     * ({@link #pending}), and their {@code inventory.stock.moved} events: a row's balance is the item's new quantity
     * plus its {@code shift} (minus what the item's later lines of the movement move), in the event's
     * {@code balance_after} too. Nothing is left to write after the lock is taken.
     */
    private static String writing(String change) {
        return "with s as (" + change + "),"
                + " r as (select * from jsonb_to_recordset(cast(:rows as jsonb)) as r(id uuid, line_no int, kind text,"
                + " quantity numeric, signed numeric, shift numeric, reservation_id uuid, note text, event_id uuid,"
                + " envelope text)),"
                + " m as (select cause_type, cause_id, cause_ref, created_at from stock_movement where id = :movement),"
                + " l as (insert into stock_transaction (id, tenant_id, movement_id, line_no, item_type, item_id, kind,"
                + " quantity, signed_quantity, unit, balance_after, reservation_id, cause_type, cause_id, cause_ref,"
                + " note, created_at) select r.id, :tenant, :movement, r.line_no, :type, :id, r.kind, r.quantity,"
                + " r.signed, s.unit, s.quantity + r.shift, r.reservation_id, m.cause_type, m.cause_id, m.cause_ref,"
                + " r.note, m.created_at from s, r, m),"
                + " o as (" + Outbox.INSERT + " select r.event_id, :tenant, '" + StockEvents.TOPIC + "',"
                + " cast(:id as text), '" + StockEvents.MOVED + "', jsonb_set(cast(r.envelope as jsonb),"
                + " '{data,balance_after}', to_jsonb(trim_scale(s.quantity + r.shift))) from s, r)"
                + " select * from s";
    }

    private Changed change(String sql, String itemType, UUID id, Consumer<Query> parameters) {
        return change(sql, new Item(id, itemType, null), parameters);
    }

    /** Runs a change statement; null when it changed nothing (no such item, or its condition refused). */
    private Changed change(String sql, Item item, Consumer<Query> parameters) {
        Query query = em.createNativeQuery(sql).setParameter("tenant", tenants.require())
                .setParameter("id", item.id()).setParameter("type", item.itemType());
        parameters.accept(query);
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Changed(new Item(item.id(), item.itemType(), (String) row[0]), (BigDecimal) row[1],
                (BigDecimal) row[2], (BigDecimal) row[3], (BigDecimal) row[4], (Boolean) row[5], (Boolean) row[6]);
    }

    /** The items of this tenant among {@code ids}, read without a lock (type and unit never change). */
    private Map<UUID, Item> items(Collection<UUID> ids) {
        List<?> rows = em.createNativeQuery("select id, item_type, unit from stock_item where tenant_id = :tenant"
                + " and id in (:ids)")
                .setParameter("tenant", tenants.require()).setParameter("ids", ids.stream().distinct().toList())
                .getResultList();
        Map<UUID, Item> items = new HashMap<>();
        for (Object result : rows) {
            Object[] row = (Object[]) result;
            items.put((UUID) row[0], new Item((UUID) row[0], (String) row[1], (String) row[2]));
        }
        return items;
    }

    /**
     * The 409 of a refused movement: the refused item and every other item it takes from that lacks what the lines
     * ask, as they are now (the items this movement already changed had enough).
     */
    private InsufficientStockException refused(Map<UUID, Sums> sums, Set<UUID> changed, UUID refused) {
        List<UUID> ids = sums.keySet().stream()
                .filter(id -> !changed.contains(id) && sums.get(id).out.signum() > 0).toList();
        List<?> rows = em.createNativeQuery("select id, quantity, reserved from stock_item where tenant_id = :tenant"
                + " and id in (:ids)")
                .setParameter("tenant", tenants.require()).setParameter("ids", ids).getResultList();
        Map<UUID, Object[]> now = new HashMap<>();
        rows.forEach(r -> now.put((UUID) ((Object[]) r)[0], (Object[]) r));
        List<InsufficientStockException.Line> lacking = new ArrayList<>();
        for (UUID id : ids) {
            Sums sum = sums.get(id);
            BigDecimal quantity = (BigDecimal) now.get(id)[1];
            BigDecimal reserved = (BigDecimal) now.get(id)[2];
            BigDecimal available = sum.respects ? quantity.subtract(reserved.subtract(sum.freed).max(BigDecimal.ZERO))
                    : quantity;
            if (id.equals(refused) || sum.out.compareTo(available) > 0) {
                lacking.add(new InsufficientStockException.Line(id, sum.out, available.max(BigDecimal.ZERO)));
            }
        }
        InsufficientStockException problem = new InsufficientStockException(lacking);
        LOG.infof("tenant %s: movement refused. %s", tenants.require(), problem.getMessage());
        return problem;
    }

    /**
     * The reservations the lines convert, each under its row lock taken in id order before any item's (the lock
     * order of every stock change), checked in line order.
     */
    private Map<UUID, Reservation> reservations(List<LedgerLine> lines) {
        Map<UUID, Reservation> locked = new HashMap<>();
        lines.stream().map(LedgerLine::reservationId).filter(Objects::nonNull).distinct().sorted()
                .forEach(id -> locked.put(id, em.find(Reservation.class, id, LockModeType.PESSIMISTIC_WRITE)));
        Map<UUID, Reservation> reservations = new HashMap<>();
        for (LedgerLine line : lines) {
            if (line.reservationId() == null) {
                continue;
            }
            if (reservations.containsKey(line.reservationId())) {
                throw ApiProblem.badRequest("reservation " + line.reservationId() + " is named by two lines");
            }
            Reservation reservation = locked.get(line.reservationId());
            if (reservation == null) {
                throw ApiProblem.notFound("reservation", line.reservationId());
            }
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

    /** Changes a spool's reserved grams for one reservation (ledger row of kind reservation, signed 0). */
    private void hold(Item spool, Reservation reservation, Cause cause, String idempotencyKey, String createdBy,
            BigDecimal hold, BigDecimal release, String note) {
        StockMovement movement = begin(cause, idempotencyKey, null, createdBy);
        ArrayNode rows = mapper.createArrayNode();
        pending(rows, movement, spool, 0, "reservation", reservation.grams, BigDecimal.ZERO, BigDecimal.ZERO,
                reservation.id, note);
        em.flush();
        Changed changed = change(RESERVE_WRITING, spool, q -> q.setParameter("hold", hold)
                .setParameter("release", release).setParameter("rows", rows.toString())
                .setParameter("movement", movement.id));
        if (changed == null) {
            List<?> now = em.createNativeQuery("select quantity - reserved from stock_item where tenant_id = :tenant"
                    + " and id = :id").setParameter("tenant", tenants.require()).setParameter("id", reservation.itemId)
                    .getResultList();
            BigDecimal available = now.isEmpty() ? BigDecimal.ZERO : (BigDecimal) now.get(0);
            throw new InsufficientStockException(List.of(new InsufficientStockException.Line(reservation.itemId,
                    hold, available.add(release).max(BigDecimal.ZERO))));
        }
        settle(changed);
        resync(reservation.itemId);
    }

    /** The spool a reservation holds grams on. */
    private Item spoolOf(Reservation reservation) {
        return items(List.of(reservation.itemId)).get(reservation.itemId);
    }

    private StockTransaction row(StockMovement movement, int lineNo, Item item, BigDecimal balanceAfter, String kind,
            BigDecimal quantity, BigDecimal signedQuantity, String lotNumber, UUID reservationId, String note) {
        StockTransaction row = new StockTransaction();
        row.id = UUID.randomUUID();
        row.movementId = movement.id;
        row.lineNo = lineNo;
        row.itemType = item.itemType();
        row.itemId = item.id();
        row.kind = kind;
        row.quantity = Quantities.of(quantity);
        row.signedQuantity = Quantities.of(signedQuantity);
        row.unit = item.unit();
        row.balanceAfter = Quantities.of(balanceAfter);
        row.lotNumber = lotNumber;
        row.reservationId = reservationId;
        row.causeType = movement.causeType;
        row.causeId = movement.causeId;
        row.causeRef = movement.causeRef;
        row.note = note;
        row.createdAt = movement.createdAt;
        em.persist(row);
        outbox.publish(StockEvents.TOPIC, item.id().toString(), StockEvents.MOVED, new StockEvents.StockMoved(movement.id,
                row.id, row.itemType, row.itemId, row.kind, Quantities.plain(row.quantity),
                Quantities.plain(row.signedQuantity), row.unit, Quantities.plain(row.balanceAfter), row.lotNumber,
                row.reservationId, Cause.of(movement.causeType, movement.causeId, movement.causeRef)));
        return row;
    }

    /** One event per downward crossing of the low-stock threshold: the statement armed the flag just now. */
    private void settle(Changed item) {
        if (item.alerted() && !item.wasAlerted()) {
            announceLow(item.item(), item.quantity(), item.threshold());
        }
    }

    private void announceLow(Item item, BigDecimal quantity, BigDecimal threshold) {
        String spoolCode = ItemTypes.SPOOL.equals(item.itemType()) ? spoolCode(item.id()) : null;
        LOG.infof("tenant %s: %s %s (%s) is low on stock: %s %s left, threshold %s", tenants.require(),
                item.itemType(), item.id(), spoolCode, quantity.toPlainString(), item.unit(), threshold.toPlainString());
        List<StockEvents.HeldBy> held = Reservation.<Reservation>list(
                "itemId = ?1 and status = ?2 order by createdAt, id", item.id(), Reservation.ACTIVE).stream()
                .map(r -> new StockEvents.HeldBy(r.id, r.causeRef != null ? r.causeRef : r.causeId,
                        Quantities.plain(r.grams)))
                .toList();
        BigDecimal reserved = held.stream().map(StockEvents.HeldBy::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        outbox.publish(StockEvents.TOPIC, item.id().toString(), StockEvents.LOW, new StockEvents.StockLow(
                item.itemType(), item.id(), spoolCode, Quantities.plain(quantity), Quantities.plain(threshold),
                item.unit(), Quantities.plain(reserved), held));
    }

    /** Lots of an item, first-expiry-first-out; read under the item's row lock, which guards them. */
    private List<AppliedMovement.LotPortion> takeFromLots(Item item, BigDecimal quantity, String lotNumber) {
        List<?> lots = em.createNativeQuery("select id, lot_number, quantity from stock_lot where tenant_id = :tenant"
                + " and item_id = :item order by expires_at asc nulls last, received_at asc, lot_number asc")
                .setParameter("tenant", tenants.require()).setParameter("item", item.id()).getResultList();
        List<AppliedMovement.LotPortion> taken = new ArrayList<>();
        if (lotNumber != null) {
            Object[] lot = lots.stream().map(Object[].class::cast).filter(l -> lotNumber.equals(l[1])).findFirst()
                    .orElseThrow(() -> new ApiProblem(404, ErrorCodes.NOT_FOUND, "lot " + lotNumber + " of "
                            + item.itemType() + " " + item.id() + " not found", Map.of("id", lotNumber)));
            if (((BigDecimal) lot[2]).compareTo(quantity) < 0) {
                throw new InsufficientStockException(List.of(new InsufficientStockException.Line(item.id(), quantity,
                        (BigDecimal) lot[2])));
            }
            takeFromLot((UUID) lot[0], quantity);
            return List.of(new AppliedMovement.LotPortion(lotNumber, quantity));
        }
        BigDecimal remaining = quantity;
        for (Object result : lots) {
            Object[] lot = (Object[]) result;
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal take = ((BigDecimal) lot[2]).min(remaining);
            if (take.signum() > 0) {
                takeFromLot((UUID) lot[0], take);
                remaining = remaining.subtract(take);
                taken.add(new AppliedMovement.LotPortion((String) lot[1], take));
            }
        }
        if (remaining.signum() > 0) {
            throw new InsufficientStockException(List.of(new InsufficientStockException.Line(item.id(), quantity,
                    quantity.subtract(remaining))));
        }
        return taken;
    }

    private void takeFromLot(UUID lotId, BigDecimal quantity) {
        em.createNativeQuery("update stock_lot set quantity = quantity - :quantity where id = :id")
                .setParameter("quantity", quantity).setParameter("id", lotId).executeUpdate();
    }

    private AppliedMovement.LotPortion putIntoLot(Item item, BigDecimal quantity, String lotNumber,
            LocalDate expiresAt, OffsetDateTime now) {
        String number = lotNumber != null ? lotNumber : DEFAULT_LOT.format(now);
        em.createNativeQuery("insert into stock_lot (id, tenant_id, item_id, lot_number, quantity, expires_at,"
                + " received_at) values (:id, :tenant, :item, :lot, :quantity, cast(:expires as date), :now)"
                + " on conflict (tenant_id, item_id, lot_number) do update set quantity = stock_lot.quantity"
                + " + excluded.quantity, expires_at = coalesce(stock_lot.expires_at, excluded.expires_at)")
                .setParameter("id", UUID.randomUUID()).setParameter("tenant", tenants.require())
                .setParameter("item", item.id()).setParameter("lot", number).setParameter("quantity", quantity)
                .setParameter("expires", expiresAt).setParameter("now", now).executeUpdate();
        return new AppliedMovement.LotPortion(number, quantity);
    }

    /** A StockItem this transaction already holds (one it created, say) is read again to show the change. */
    private void resync(UUID id) {
        StockItem held = held(id);
        if (held != null) {
            em.refresh(held);
        }
    }

    /** The StockItem of {@code id} in this transaction's persistence context, without loading one. */
    private StockItem held(UUID id) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        return (StockItem) session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id,
                session.getFactory().getMappingMetamodel().getEntityDescriptor(StockItem.class)));
    }

    private String spoolCode(UUID id) {
        List<?> codes = em.createNativeQuery("select spool_code from spool where id = ?1 and tenant_id = ?2")
                .setParameter(1, id).setParameter(2, tenants.require()).getResultList();
        return codes.isEmpty() ? null : (String) codes.get(0);
    }
}
