package app.nozzly.inventory.stock.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
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
import app.nozzly.inventory.common.CauseType;
import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.common.Unit;
import app.nozzly.inventory.stock.ItemType;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.StockTransaction;
import app.nozzly.inventory.stock.TransactionKind;
import app.nozzly.inventory.stock.rest.MovementApi;
import app.nozzly.platform.errors.ApiProblem;

/** Reads the ledger (GET /api/v1/inventory/transactions) and reconciles an item's stock with it. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TransactionService {

    /** Ledger filters; null (or blank text) means "any". */
    public record Filter(UUID itemId, ItemType itemType, TransactionKind kind, CauseType causeType, String causeId,
            UUID movementId, OffsetDateTime from, OffsetDateTime to) {
    }

    /** An item's stock next to the sum of its ledger: they are equal, always. */
    public record Reconciliation(UUID itemId, ItemType itemType, Unit unit, BigDecimal quantity, BigDecimal reserved,
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
            throw ApiProblem.notFound("item", itemId);
        }
        Object[] sum = StockTransaction.getEntityManager().createQuery("select coalesce(sum(t.signedQuantity), 0),"
                + " count(t) from StockTransaction t where t.itemId = :item", Object[].class)
                .setParameter("item", itemId).getSingleResult();
        return new Reconciliation(item.id, ItemType.valueOf(item.itemType), Unit.valueOf(item.unit),
                Quantities.plain(item.quantity), Quantities.plain(item.reserved), Quantities.plain(item.available()),
                Quantities.plain((BigDecimal) sum[0]), ((Number) sum[1]).longValue());
    }

    private static PanacheQuery<StockTransaction> query(Filter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(where, params, "itemId", filter.itemId());
        add(where, params, "itemType", filter.itemType() == null ? null : filter.itemType().name());
        add(where, params, "kind", filter.kind() == null ? null : filter.kind().name());
        add(where, params, "causeType", filter.causeType() == null ? null : filter.causeType().name());
        add(where, params, "causeId", filter.causeId());
        add(where, params, "movementId", filter.movementId());
        if (filter.from() != null) {
            where.add("createdAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("createdAt <= :to");
            params.put("to", filter.to());
        }
        String hql = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return StockTransaction.find(hql, Sort.ascending("createdAt", "movementId", "lineNo"), params);
    }

    private static void add(List<String> where, Map<String, Object> params, String field, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }

    static MovementApi.TransactionView view(StockTransaction t) {
        return new MovementApi.TransactionView(t.id, t.movementId, ItemType.valueOf(t.itemType), t.itemId,
                TransactionKind.valueOf(t.kind), Quantities.plain(t.quantity), Quantities.plain(t.signedQuantity),
                Unit.valueOf(t.unit),
                Quantities.plain(t.balanceAfter), t.lotNumber, t.reservationId,
                Cause.of(t.causeType, t.causeId, t.causeRef), t.note, t.createdAt);
    }
}
