package app.nozzly.ordersync.analytics.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.nozzly.ordersync.common.ApiException;
import app.nozzly.ordersync.orders.mapping.OrderMapper;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * specs/002 Analytics. Revenue is net: a cancelled or refunded order earns nothing, a partial refund is
 * subtracted, and only orders that still earn count as orders. Print and material figures come from the
 * read model fed by printer.jobs and inventory.stock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AnalyticsService {

    /** Net revenue of one order (SQL over shop_order). */
    private static final String NET = "case when status in ('cancelled', 'refunded') then 0"
            + " else greatest(total_amount - refunded_amount, 0) end";
    private static final String EARNING = "status not in ('cancelled', 'refunded')";
    public static final List<String> PERIODS = List.of("daily", "weekly", "monthly");
    private static final int MAX_BUCKETS = 1000;

    /** gross_margin: net revenue - cost of goods over the orders that have a cost of goods (issue 9). */
    public record Dashboard(long totalOrders, long ordersThisMonth, BigDecimal revenueThisMonth,
            BigDecimal averageOrderValue, long totalPrints, long printsCompleted, BigDecimal printSuccessRate,
            BigDecimal filamentUsedKg, long materialsInStock, long lowStockAlerts, BigDecimal grossMargin,
            BigDecimal grossMarginPercent) {
    }

    /** One period of the margin report, or its summary (date null): orders with a cost of goods only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MarginPoint(LocalDate date, BigDecimal revenue, BigDecimal costOfGoods, BigDecimal margin,
            BigDecimal marginPercent, long orders) {
    }

    public record MarginReport(String period, LocalDate startDate, LocalDate endDate, List<MarginPoint> data,
            MarginPoint summary) {
    }

    public record RevenuePoint(LocalDate date, BigDecimal revenue, long orderCount, BigDecimal averageOrder) {
    }

    public record RevenueReport(String period, LocalDate startDate, LocalDate endDate, List<RevenuePoint> data,
            BigDecimal totalRevenue, long totalOrders) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    public Dashboard dashboard() {
        String tenant = tenants.require();
        LocalDateTime monthStart = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay();
        Object[] orders = (Object[]) em.createNativeQuery("select count(*),"
                + " count(*) filter (where etsy_created_at >= ?2),"
                + " coalesce(sum(" + NET + ") filter (where etsy_created_at >= ?2), 0),"
                + " coalesce(sum(" + NET + "), 0), count(*) filter (where " + EARNING + ")"
                + " from shop_order where tenant_id = ?1")
                .setParameter(1, tenant).setParameter(2, monthStart).getSingleResult();
        Object[] prints = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where status = 'finished'),"
                + " coalesce(sum(filament_used_grams), 0) from print_job_fact where tenant_id = ?1")
                .setParameter(1, tenant).getSingleResult();
        Object[] margin = (Object[]) em.createNativeQuery("select coalesce(sum(" + NET + "), 0),"
                + " coalesce(sum(cost_of_goods), 0) from shop_order where tenant_id = ?1 and cost_of_goods is not null")
                .setParameter(1, tenant).getSingleResult();
        MarginPoint gross = marginPoint(null, decimal(margin[0]), decimal(margin[1]), 0);
        Object[] stock = (Object[]) em.createNativeQuery("select count(*) filter (where balance > 0),"
                + " count(*) filter (where low) from stock_item_state where tenant_id = ?1")
                .setParameter(1, tenant).getSingleResult();
        long earning = number(orders[4]).longValue();
        long totalPrints = number(prints[0]).longValue();
        long completed = number(prints[1]).longValue();
        return new Dashboard(number(orders[0]).longValue(), number(orders[1]).longValue(),
                OrderMapper.money(decimal(orders[2]).setScale(2, RoundingMode.HALF_EVEN)),
                average(decimal(orders[3]), earning),
                totalPrints, completed,
                totalPrints == 0 ? BigDecimal.ZERO.setScale(1)
                        : BigDecimal.valueOf(completed * 100).divide(BigDecimal.valueOf(totalPrints), 1,
                                RoundingMode.HALF_EVEN),
                decimal(prints[2]).divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_EVEN),
                number(stock[0]).longValue(), number(stock[1]).longValue(), gross.margin(), gross.marginPercent());
    }

    /** Issue 9: revenue, cost of goods and margin per period over the orders that have a cost of goods. */
    public MarginReport margin(String period, LocalDate start, LocalDate end) {
        Range range = range(period, start, end);
        List<?> rows = em.createNativeQuery("select cast(date_trunc('" + range.unit() + "', etsy_created_at) as date),"
                + " coalesce(sum(" + NET + "), 0), coalesce(sum(cost_of_goods), 0), count(*)"
                + " from shop_order where tenant_id = ?1 and cost_of_goods is not null"
                + " and etsy_created_at >= ?2 and etsy_created_at < ?3 group by 1")
                .setParameter(1, tenants.require())
                .setParameter(2, range.first().atStartOfDay())
                .setParameter(3, range.last().plusDays(1).atStartOfDay())
                .getResultList();
        Map<LocalDate, Object[]> byBucket = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            byBucket.put(toDate(columns[0]), columns);
        }
        List<MarginPoint> data = new ArrayList<>();
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        long count = 0;
        for (LocalDate bucket : range.buckets()) {
            Object[] row = byBucket.get(bucket);
            if (row == null) {
                data.add(marginPoint(bucket, BigDecimal.ZERO, BigDecimal.ZERO, 0));
                continue;
            }
            data.add(marginPoint(bucket, decimal(row[1]), decimal(row[2]), number(row[3]).longValue()));
            revenue = revenue.add(decimal(row[1]));
            cost = cost.add(decimal(row[2]));
            count += number(row[3]).longValue();
        }
        return new MarginReport(period, range.first(), range.last(), data, marginPoint(null, revenue, cost, count));
    }

    private static MarginPoint marginPoint(LocalDate date, BigDecimal revenue, BigDecimal cost, long orders) {
        BigDecimal margin = revenue.subtract(cost);
        BigDecimal percent = revenue.signum() == 0 ? new BigDecimal("0.00")
                : margin.multiply(BigDecimal.valueOf(100)).divide(revenue, 2, RoundingMode.HALF_EVEN);
        return new MarginPoint(date, cents(revenue), cents(cost), cents(margin), percent, orders);
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** The report's first and last day and its periods, from the request's period and optional dates. */
    private record Range(String unit, LocalDate first, LocalDate last, List<LocalDate> buckets) {
    }

    private static Range range(String period, LocalDate start, LocalDate end) {
        String unit = switch (period) {
            case "daily" -> "day";
            case "weekly" -> "week";
            case "monthly" -> "month";
            default -> throw ApiException.badRequest("period must be one of daily, weekly, monthly, not '" + period + "'");
        };
        LocalDate last = end != null ? end : LocalDate.now(ZoneOffset.UTC);
        LocalDate first = start != null ? start : switch (period) {
            case "daily" -> last.minusDays(29);
            case "weekly" -> last.minusWeeks(11);
            default -> last.minusMonths(11).withDayOfMonth(1);
        };
        if (first.isAfter(last)) {
            throw ApiException.badRequest("start_date must not be after end_date");
        }
        List<LocalDate> buckets = buckets(period, first, last);
        if (buckets.size() > MAX_BUCKETS) {
            throw ApiException.badRequest("the range has " + buckets.size() + " " + period + " periods; at most "
                    + MAX_BUCKETS + " fit in one report");
        }
        return new Range(unit, first, last, buckets);
    }

    public RevenueReport revenue(String period, LocalDate start, LocalDate end) {
        Range range = range(period, start, end);
        LocalDate first = range.first();
        LocalDate last = range.last();
        List<LocalDate> buckets = range.buckets();
        List<?> rows = em.createNativeQuery("select cast(date_trunc('" + range.unit() + "', etsy_created_at) as date),"
                + " coalesce(sum(" + NET + "), 0), count(*) filter (where " + EARNING + ")"
                + " from shop_order where tenant_id = ?1 and etsy_created_at >= ?2 and etsy_created_at < ?3"
                + " group by 1")
                .setParameter(1, tenants.require())
                .setParameter(2, first.atStartOfDay())
                .setParameter(3, last.plusDays(1).atStartOfDay())
                .getResultList();
        Map<LocalDate, Object[]> byBucket = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            byBucket.put(toDate(columns[0]), columns);
        }
        List<RevenuePoint> data = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        long totalOrders = 0;
        for (LocalDate bucket : buckets) {
            Object[] row = byBucket.get(bucket);
            BigDecimal revenue = row == null ? BigDecimal.ZERO : decimal(row[1]);
            long count = row == null ? 0 : number(row[2]).longValue();
            data.add(new RevenuePoint(bucket, OrderMapper.money(revenue.setScale(2, RoundingMode.HALF_EVEN)), count,
                    average(revenue, count)));
            total = total.add(revenue);
            totalOrders += count;
        }
        return new RevenueReport(period, first, last, data,
                OrderMapper.money(total.setScale(2, RoundingMode.HALF_EVEN)), totalOrders);
    }

    private static List<LocalDate> buckets(String period, LocalDate first, LocalDate last) {
        List<LocalDate> buckets = new ArrayList<>();
        LocalDate bucket = switch (period) {
            case "weekly" -> first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "monthly" -> first.withDayOfMonth(1);
            default -> first;
        };
        ChronoUnit step = switch (period) {
            case "weekly" -> ChronoUnit.WEEKS;
            case "monthly" -> ChronoUnit.MONTHS;
            default -> ChronoUnit.DAYS;
        };
        while (!bucket.isAfter(last) && buckets.size() <= MAX_BUCKETS) {
            buckets.add(bucket);
            bucket = bucket.plus(1, step);
        }
        return buckets;
    }

    private static BigDecimal average(BigDecimal revenue, long count) {
        return count == 0 ? new BigDecimal("0.00")
                : OrderMapper.money(revenue.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN));
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((Date) value).toLocalDate();
    }

    private static Number number(Object value) {
        return (Number) value;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
