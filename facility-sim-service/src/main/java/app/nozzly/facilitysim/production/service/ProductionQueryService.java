package app.nozzly.facilitysim.production.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.nozzly.facilitysim.common.PageOf;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.common.WireName;
import app.nozzly.facilitysim.production.InventoryItem;
import app.nozzly.facilitysim.production.Production;
import app.nozzly.facilitysim.production.ResourceTransaction;
import app.nozzly.facilitysim.world.ResourceType;

/** Reads of specs/004 sections 2, 3 and 5 and of team inventories; every query is tenant-filtered by Hibernate. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProductionQueryService {

    @Inject
    EntityManager em;

    /** Sort fields of the history list (specs/004 section 3). */
    @Schema(enumeration = { "producedAt", "totalCost", "quantity", "productionNumber" })
    public enum HistorySort implements WireName {
        PRODUCED_AT("producedAt"), TOTAL_COST("totalCost"), QUANTITY("quantity"),
        PRODUCTION_NUMBER("productionNumber");

        public final String field;

        HistorySort(String field) {
            this.field = field;
        }

        @Override
        public String wireName() {
            return field;
        }
    }

    public record HistoryFilter(Optional<UUID> facilityId, Optional<UUID> teamId, Optional<String> status,
            Optional<OffsetDateTime> from, Optional<OffsetDateTime> until, HistorySort sortBy, boolean descending,
            PageRequest page) {
    }

    public record TransactionFilter(Optional<UUID> facilityId, Optional<UUID> teamId,
            Optional<ResourceType> resourceType, Optional<String> role, Optional<OffsetDateTime> from,
            Optional<OffsetDateTime> until, PageRequest page) {
    }

    public record TypeTotal(long count, BigDecimal amount) {
    }

    public record TransactionPage(List<ResourceTransaction> items, long total, BigDecimal totalAmount,
            TypeTotal water, TypeTotal power) {
    }

    public Optional<Production> production(UUID id) {
        return Production.findByIdOptional(id);
    }

    public PageOf<Production> history(HistoryFilter filter) {
        Where where = new Where();
        filter.facilityId().ifPresent(v -> where.and("p.facilityId = :facility", "facility", v));
        filter.teamId().ifPresent(v -> where.and("p.teamId = :team", "team", v));
        filter.status().ifPresent(v -> where.and("p.status = :status", "status", v));
        filter.from().ifPresent(v -> where.and("p.producedAt >= :from", "from", v));
        filter.until().ifPresent(v -> where.and("p.producedAt < :until", "until", v));
        String direction = filter.descending() ? " desc" : " asc";
        TypedQuery<Production> select = em.createQuery("select p from Production p" + where.text + " order by p."
                + filter.sortBy().field + direction + ", p.productionNumber" + direction, Production.class);
        TypedQuery<Long> count = em.createQuery("select count(p) from Production p" + where.text, Long.class);
        where.bind(select);
        where.bind(count);
        return new PageOf<>(select.setFirstResult(filter.page().offset()).setMaxResults(filter.page().limit())
                .getResultList(), count.getSingleResult());
    }

    public TransactionPage transactions(TransactionFilter filter) {
        Where where = new Where();
        filter.facilityId().ifPresent(v -> where.and("t.facilityId = :facility", "facility", v));
        filter.teamId().ifPresent(v -> where.and("t.teamId = :team", "team", v));
        filter.resourceType().ifPresent(v -> where.and("t.resourceType = :type", "type", v));
        filter.role().ifPresent(v -> where.and("t.role = :role", "role", v));
        filter.from().ifPresent(v -> where.and("t.transactionDate >= :from", "from", v));
        filter.until().ifPresent(v -> where.and("t.transactionDate < :until", "until", v));
        TypedQuery<ResourceTransaction> select = em.createQuery("select t from ResourceTransaction t" + where.text
                + " order by t.transactionDate desc, t.reference, t.role", ResourceTransaction.class);
        TypedQuery<Object[]> totals = em.createQuery("select t.resourceType, count(t), coalesce(sum(t.totalAmount), 0)"
                + " from ResourceTransaction t" + where.text + " group by t.resourceType", Object[].class);
        where.bind(select);
        where.bind(totals);
        TypeTotal water = new TypeTotal(0, BigDecimal.ZERO.setScale(2));
        TypeTotal power = new TypeTotal(0, BigDecimal.ZERO.setScale(2));
        for (Object[] row : totals.getResultList()) {
            TypeTotal total = new TypeTotal((Long) row[1], ((BigDecimal) row[2]).setScale(2));
            if (row[0] == ResourceType.WATER) {
                water = total;
            } else {
                power = total;
            }
        }
        List<ResourceTransaction> items = select.setFirstResult(filter.page().offset())
                .setMaxResults(filter.page().limit()).getResultList();
        return new TransactionPage(items, water.count() + power.count(), water.amount().add(power.amount()), water,
                power);
    }

    public PageOf<InventoryItem> inventory(Optional<UUID> teamId, Optional<UUID> facilityId, PageRequest page) {
        Where where = new Where();
        teamId.ifPresent(v -> where.and("i.teamId = :team", "team", v));
        facilityId.ifPresent(v -> where.and("i.facilityId = :facility", "facility", v));
        TypedQuery<InventoryItem> select = em.createQuery("select i from InventoryItem i" + where.text
                + " order by i.updatedAt desc, i.id", InventoryItem.class);
        TypedQuery<Long> count = em.createQuery("select count(i) from InventoryItem i" + where.text, Long.class);
        where.bind(select);
        where.bind(count);
        return new PageOf<>(select.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList(),
                count.getSingleResult());
    }

    /** A where clause built from optional filters, with its named parameters. */
    private static final class Where {
        private String text = " where 1 = 1";
        private final Map<String, Object> params = new HashMap<>();

        void and(String condition, String name, Object value) {
            text += " and " + condition;
            params.put(name, value);
        }

        void bind(TypedQuery<?> query) {
            params.forEach(query::setParameter);
        }
    }
}
