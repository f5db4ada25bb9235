package app.nozzly.inventory.orderskus.service;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.models.rest.ModelApi;
import app.nozzly.inventory.orderskus.events.OrderPayloads;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * The order lines seen on orders.events, one row per order line (an order announced again replaces its lines, so
 * nothing counts twice), and the skus on them that no model maps (module README, "Skus of models").
 */
@ApplicationScoped
@Transactional
public class OrderSkuService {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    /** The order's lines as the event shows them now; lines without a sku map nothing and are not kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(OrderPayloads.Order order, OffsetDateTime seenAt) {
        String tenant = tenants.require();
        em.createNativeQuery("delete from order_sku_line where tenant_id = ?1 and order_id = ?2")
                .setParameter(1, tenant).setParameter(2, order.orderId()).executeUpdate();
        for (OrderPayloads.Item item : order.items() == null ? List.<OrderPayloads.Item>of() : order.items()) {
            if (item == null || item.orderItemId() == null || item.sku() == null || item.sku().isBlank()) {
                continue;
            }
            em.createNativeQuery("insert into order_sku_line (tenant_id, order_id, order_item_id, sku, title,"
                    + " quantity, seen_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, tenant).setParameter(2, order.orderId()).setParameter(3, item.orderItemId())
                    .setParameter(4, item.sku().trim())
                    .setParameter(5, item.title() == null ? null : truncate(item.title(), 500))
                    .setParameter(6, item.quantity() == null ? 0 : item.quantity())
                    .setParameter(7, seenAt).executeUpdate();
        }
    }

    /** Skus on orders that no model maps, the most recently seen first; a sku mapped later is gone at once. */
    public PageResult<ModelApi.UnmappedSku> unmapped(Paging paging) {
        String tenant = tenants.require();
        String unmapped = " from order_sku_line l where l.tenant_id = ?1 and not exists (select 1 from model_sku m"
                + " where m.tenant_id = l.tenant_id and m.sku = l.sku)";
        long total = ((Number) em.createNativeQuery("select count(distinct l.sku)" + unmapped)
                .setParameter(1, tenant).getSingleResult()).longValue();
        List<?> rows = em.createNativeQuery("select l.sku, (array_agg(l.title order by l.seen_at desc))[1],"
                + " count(distinct l.order_id), sum(l.quantity), max(l.seen_at)" + unmapped
                + " group by l.sku order by max(l.seen_at) desc, l.sku limit ?2 offset ?3")
                .setParameter(1, tenant).setParameter(2, paging.size()).setParameter(3, paging.offset())
                .getResultList();
        List<ModelApi.UnmappedSku> items = rows.stream().map(row -> {
            Object[] c = (Object[]) row;
            return new ModelApi.UnmappedSku((String) c[0], (String) c[1], ((Number) c[2]).longValue(),
                    ((Number) c[3]).longValue(), time(c[4]));
        }).toList();
        return paging.result(items, total);
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
