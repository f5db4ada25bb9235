package app.nozzly.ordersync.analytics.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.ordersync.analytics.mapping.AnalyticsViews;
import app.nozzly.ordersync.analytics.repository.AnalyticsQueries;
import app.nozzly.ordersync.common.ApiException;
import app.nozzly.ordersync.orders.Revenue;
import app.nozzly.ordersync.orders.mapping.OrderMapper;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * specs/002 Analytics: the dashboard and the revenue report over net revenue ({@link Revenue}), and the margin
 * report over the orders production gave a cost of goods. Print and material figures come from the read model
 * fed by printer.jobs and inventory.stock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AnalyticsService {

    public static final List<String> PERIODS = List.of("daily", "weekly", "monthly");
    private static final int MAX_BUCKETS = 1000;
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    @Inject
    AnalyticsQueries queries;

    @Inject
    TenantContext tenants;

    /** The month is the UTC calendar month; its figures equal that month's bucket of the monthly revenue report. */
    public AnalyticsViews.Dashboard dashboard() {
        String tenant = tenants.require();
        AnalyticsQueries.OrderFigures orders = queries.orders(tenant,
                LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay());
        AnalyticsQueries.PrintFigures prints = queries.prints(tenant);
        AnalyticsQueries.StockFigures stock = queries.stock(tenant);
        AnalyticsQueries.CostFigures costed = queries.costed(tenant);
        AnalyticsViews.MarginPoint gross = marginPoint(null, costed.revenue(), costed.costOfGoods(), 0);
        BigDecimal successRate = prints.total() == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(prints.finished() * 100).divide(BigDecimal.valueOf(prints.total()), 1,
                        RoundingMode.HALF_EVEN);
        return new AnalyticsViews.Dashboard(orders.total(), orders.earningSince(), money(orders.revenueSince()),
                OrderMapper.money(Revenue.averageOrderValue(orders.revenueSince(), orders.earningSince())),
                prints.total(), prints.finished(), successRate,
                prints.filamentGrams().divide(THOUSAND, 2, RoundingMode.HALF_EVEN), stock.inStock(), stock.low(),
                gross.margin(), gross.marginPercent());
    }

    public AnalyticsViews.RevenueReport revenue(String period, LocalDate start, LocalDate end) {
        Range range = range(period, start, end);
        Map<LocalDate, AnalyticsQueries.Bucket> byDate = byDate(queries.revenue(tenants.require(), range.unit(),
                range.first().atStartOfDay(), range.last().plusDays(1).atStartOfDay()));
        List<AnalyticsViews.RevenuePoint> data = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        long totalOrders = 0;
        for (LocalDate date : range.buckets()) {
            AnalyticsQueries.Bucket bucket = byDate.get(date);
            BigDecimal revenue = bucket == null ? BigDecimal.ZERO : bucket.revenue();
            long count = bucket == null ? 0 : bucket.orders();
            data.add(new AnalyticsViews.RevenuePoint(date, money(revenue), count,
                    OrderMapper.money(Revenue.averageOrderValue(revenue, count))));
            total = total.add(revenue);
            totalOrders += count;
        }
        return new AnalyticsViews.RevenueReport(period, range.first(), range.last(), data, money(total), totalOrders);
    }

    /** Revenue, cost of goods and margin per period over the orders whose production runs gave them a cost. */
    public AnalyticsViews.MarginReport margin(String period, LocalDate start, LocalDate end) {
        Range range = range(period, start, end);
        Map<LocalDate, AnalyticsQueries.Bucket> byDate = byDate(queries.margin(tenants.require(), range.unit(),
                range.first().atStartOfDay(), range.last().plusDays(1).atStartOfDay()));
        List<AnalyticsViews.MarginPoint> data = new ArrayList<>();
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        long count = 0;
        for (LocalDate date : range.buckets()) {
            AnalyticsQueries.Bucket bucket = byDate.get(date);
            if (bucket == null) {
                data.add(marginPoint(date, BigDecimal.ZERO, BigDecimal.ZERO, 0));
                continue;
            }
            data.add(marginPoint(date, bucket.revenue(), bucket.costOfGoods(), bucket.orders()));
            revenue = revenue.add(bucket.revenue());
            cost = cost.add(bucket.costOfGoods());
            count += bucket.orders();
        }
        return new AnalyticsViews.MarginReport(period, range.first(), range.last(), data,
                marginPoint(null, revenue, cost, count));
    }

    private static AnalyticsViews.MarginPoint marginPoint(LocalDate date, BigDecimal revenue, BigDecimal cost,
            long orders) {
        BigDecimal margin = Revenue.margin(revenue, cost);
        return new AnalyticsViews.MarginPoint(date, cents(revenue), cents(cost), cents(margin),
                Revenue.marginPercent(revenue, margin), orders);
    }

    /** The report's first and last day and its periods, from the request's period and optional dates. */
    private record Range(String unit, LocalDate first, LocalDate last, List<LocalDate> buckets) {
    }

    private static Range range(String period, LocalDate start, LocalDate end) {
        String unit = switch (period) {
            case "daily" -> "day";
            case "weekly" -> "week";
            case "monthly" -> "month";
            default -> throw ApiException.badRequest("period must be one of " + String.join(", ", PERIODS) + ", not '"
                    + period + "'");
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

    private static Map<LocalDate, AnalyticsQueries.Bucket> byDate(List<AnalyticsQueries.Bucket> buckets) {
        return buckets.stream().collect(Collectors.toMap(AnalyticsQueries.Bucket::date, Function.identity()));
    }

    private static BigDecimal money(BigDecimal value) {
        return OrderMapper.money(cents(value));
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }
}
