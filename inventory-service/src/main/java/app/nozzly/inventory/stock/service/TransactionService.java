package app.nozzly.inventory.stock.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.Ids;
import app.nozzly.inventory.common.InventoryProblem;
import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.StockTransaction;
import app.nozzly.inventory.stock.rest.MovementApi;

/** Reads the ledger (GET /api/v1/inventory/transactions) and reconciles an item's stock with it. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TransactionService {

    /** Ledger filters as given in the query string; blank means "any". */
    public record Filter(String itemId, String itemType, String kind, String causeType, String causeId,
            String movementId, String from, String to) {
    }

    /** An item's stock next to the sum of its ledger: they are equal, always. */
    public record Reconciliation(UUID itemId, String itemType, String unit, BigDecimal quantity, BigDecimal reserved,
            BigDecimal available, BigDecimal ledgerSum, long ledgerRows) {
    }

    public PageResult<MovementApi.TransactionView> list(Filter filter, Paging paging) {
        PanacheQuery<StockTransaction> query = query(filter);
        long total = query.count();
        List<MovementApi.TransactionView> items = query.page(Page.of(paging.page() - 1, paging.size())).list()
                .stream().map(TransactionService::view).toList();
        return paging.result(items, total);
    }

    /** Every matching row, oldest first, read in chunks (CSV export). */
    public List<MovementApi.TransactionView> all(Filter filter) {
        PanacheQuery<StockTransaction> query = query(filter);
        List<MovementApi.TransactionView> rows = new ArrayList<>();
        int chunk = 0;
        List<StockTransaction> page;
        do {
            page = query.page(Page.of(chunk++, 1000)).list();
            page.stream().map(TransactionService::view).forEach(rows::add);
        } while (page.size() == 1000);
        return rows;
    }

    public Reconciliation reconcile(UUID itemId) {
        StockItem item = StockItem.findById(itemId);
        if (item == null) {
            throw InventoryProblem.notFound("item " + itemId + " not found");
        }
        Object[] sum = StockTransaction.getEntityManager().createQuery("select coalesce(sum(t.signedQuantity), 0),"
                + " count(t) from StockTransaction t where t.itemId = :item", Object[].class)
                .setParameter("item", itemId).getSingleResult();
        return new Reconciliation(item.id, item.itemType, item.unit, Quantities.plain(item.quantity),
                Quantities.plain(item.reserved), Quantities.plain(item.available()),
                Quantities.plain((BigDecimal) sum[0]), ((Number) sum[1]).longValue());
    }

    private static PanacheQuery<StockTransaction> query(Filter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        UUID itemId = Ids.parseOptional(filter.itemId(), "item_id");
        if (itemId != null) {
            where.add("itemId = :itemId");
            params.put("itemId", itemId);
        }
        if (present(filter.itemType())) {
            if (!ItemTypes.ALL.contains(filter.itemType())) {
                throw InventoryProblem.badRequest("item_type must be spool, material, model or product");
            }
            where.add("itemType = :itemType");
            params.put("itemType", filter.itemType());
        }
        if (present(filter.kind())) {
            if (!StockTransaction.KINDS.contains(filter.kind())) {
                throw InventoryProblem.badRequest("kind must be one of " + String.join(", ",
                        StockTransaction.KINDS.stream().sorted().toList()));
            }
            where.add("kind = :kind");
            params.put("kind", filter.kind());
        }
        if (present(filter.causeType())) {
            if (!Cause.TYPES.contains(filter.causeType())) {
                throw InventoryProblem.badRequest("cause_type must be one of " + String.join(", ",
                        Cause.TYPES.stream().sorted().toList()));
            }
            where.add("causeType = :causeType");
            params.put("causeType", filter.causeType());
        }
        if (present(filter.causeId())) {
            where.add("causeId = :causeId");
            params.put("causeId", filter.causeId());
        }
        UUID movementId = Ids.parseOptional(filter.movementId(), "movement_id");
        if (movementId != null) {
            where.add("movementId = :movementId");
            params.put("movementId", movementId);
        }
        if (present(filter.from())) {
            where.add("createdAt >= :from");
            params.put("from", instant(filter.from(), "from", false));
        }
        if (present(filter.to())) {
            where.add("createdAt <= :to");
            params.put("to", instant(filter.to(), "to", true));
        }
        String hql = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return StockTransaction.find(hql, Sort.ascending("createdAt", "movementId", "lineNo"), params);
    }

    /** Accepts an ISO-8601 date-time with offset, or a date (from: its start; to: its end, inclusive). */
    private static OffsetDateTime instant(String value, String field, boolean endOfDay) {
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                LocalDate date = LocalDate.parse(value.trim());
                return endOfDay ? date.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000)
                        : date.atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw InventoryProblem.badRequest(field + " must be an ISO-8601 date (2025-01-31) or date-time"
                        + " (2025-01-31T12:00:00Z), got '" + value + "'");
            }
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static MovementApi.TransactionView view(StockTransaction t) {
        return new MovementApi.TransactionView(t.id, t.movementId, t.itemType, t.itemId, t.kind,
                Quantities.plain(t.quantity), Quantities.plain(t.signedQuantity), t.unit,
                Quantities.plain(t.balanceAfter), t.lotNumber, t.reservationId,
                new Cause(t.causeType, t.causeId, t.causeRef), t.note, t.createdAt);
    }
}
