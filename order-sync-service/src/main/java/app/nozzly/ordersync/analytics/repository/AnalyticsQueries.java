package app.nozzly.ordersync.analytics.repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The SQL behind specs/002 Analytics, always for one tenant: order figures from shop_order, print and material
 * figures from the read model of other services' events (see {@link ReadModel}).
 */
@ApplicationScoped
public class AnalyticsQueries {

    /** orders.Revenue#net in SQL: cancelled and refunded orders earn 0, refunds are subtracted. */
    private static final String NET = "case when status in ('cancelled', 'refunded') then 0"
            + " else greatest(total_amount - refunded_amount, 0) end";
    /** orders.Revenue#earns in SQL. */
    private static final String EARNING = "status not in ('cancelled', 'refunded')";

    public record OrderFigures(long total, long earningSince, BigDecimal revenueSince) {
    }

    public record CostFigures(BigDecimal revenue, BigDecimal costOfGoods) {
    }

    public record PrintFigures(long total, long finished, BigDecimal filamentGrams) {
    }

    public record StockFigures(long inStock, long low) {
    }

    /** One period: net revenue, earning orders, and (margin report) cost of goods. */
    public record Bucket(LocalDate date, BigDecimal revenue, long orders, BigDecimal costOfGoods) {
    }

    @Inject
    EntityManager em;

    /** All orders, and the earning orders placed since {@code since} with their net revenue. */
    public OrderFigures orders(String tenant, LocalDateTime since) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*),"
                + " count(*) filter (where etsy_created_at >= ?2 and " + EARNING + "),"
                + " coalesce(sum(" + NET + ") filter (where etsy_created_at >= ?2), 0)"
                + " from shop_order where tenant_id = ?1")
                .setParameter(1, tenant).setParameter(2, since).getSingleResult();
        return new OrderFigures(number(row[0]), number(row[1]), decimal(row[2]));
    }

    /** Net revenue and cost of goods of the orders that have a cost of goods. */
    public CostFigures costed(String tenant) {
        Object[] row = (Object[]) em.createNativeQuery("select coalesce(sum(" + NET + "), 0),"
                + " coalesce(sum(cost_of_goods), 0) from shop_order where tenant_id = ?1 and cost_of_goods is not null")
                .setParameter(1, tenant).getSingleResult();
        return new CostFigures(decimal(row[0]), decimal(row[1]));
    }

    public PrintFigures prints(String tenant) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where status = 'finished'),"
                + " coalesce(sum(filament_used_grams), 0) from print_job_fact where tenant_id = ?1")
                .setParameter(1, tenant).getSingleResult();
        return new PrintFigures(number(row[0]), number(row[1]), decimal(row[2]));
    }

    public StockFigures stock(String tenant) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*) filter (where balance > 0),"
                + " count(*) filter (where low) from stock_item_state where tenant_id = ?1")
                .setParameter(1, tenant).getSingleResult();
        return new StockFigures(number(row[0]), number(row[1]));
    }

    /** Net revenue and earning orders per {@code unit} (day, week, month) of orders placed in [from, to). */
    public List<Bucket> revenue(String tenant, String unit, LocalDateTime from, LocalDateTime to) {
        return buckets("select cast(date_trunc('" + unit + "', etsy_created_at) as date), coalesce(sum(" + NET
                + "), 0), count(*) filter (where " + EARNING + "), null from shop_order where tenant_id = ?1"
                + " and etsy_created_at >= ?2 and etsy_created_at < ?3 group by 1", tenant, from, to);
    }

    /** Net revenue, orders and cost of goods per {@code unit} of the orders with a cost of goods. */
    public List<Bucket> margin(String tenant, String unit, LocalDateTime from, LocalDateTime to) {
        return buckets("select cast(date_trunc('" + unit + "', etsy_created_at) as date), coalesce(sum(" + NET
                + "), 0), count(*), coalesce(sum(cost_of_goods), 0) from shop_order where tenant_id = ?1"
                + " and cost_of_goods is not null and etsy_created_at >= ?2 and etsy_created_at < ?3 group by 1",
                tenant, from, to);
    }

    private List<Bucket> buckets(String sql, String tenant, LocalDateTime from, LocalDateTime to) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, tenant).setParameter(2, from).setParameter(3, to)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).map(c -> new Bucket(date(c[0]), decimal(c[1]), number(c[2]),
                c[3] == null ? null : decimal(c[3]))).toList();
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
