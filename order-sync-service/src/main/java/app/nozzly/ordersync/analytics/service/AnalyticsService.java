package app.nozzly.ordersync.analytics.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.ordersync.analytics.Period;
import app.nozzly.ordersync.analytics.mapping.AnalyticsViews;
import app.nozzly.ordersync.analytics.repository.AnalyticsQueries;
import app.nozzly.ordersync.orders.Revenue;
import app.nozzly.ordersync.orders.mapping.OrderMapper;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * specs/002 Analytics: the dashboard and the revenue report over net revenue ({@link Revenue}), and the margin
 * report over the orders production gave a cost of goods. Print and material figures come from the read model
 * fed by printer.jobs and inventory.stock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AnalyticsService {

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

    public AnalyticsViews.RevenueReport revenue(Period period, LocalDate start, LocalDate end) {
        Range range = range(period, start, end);
        Map<LocalDate, AnalyticsQueries.Bucket> byDate = byDate(range, queries::revenue);
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
    public AnalyticsViews.MarginReport margin(Period period, LocalDate start, LocalDate end) {
        Range range = range(period, start, end);
        Map<LocalDate, AnalyticsQueries.Bucket> byDate = byDate(range, queries::margin);
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

    private static Range range(Period period, LocalDate start, LocalDate end) {
        LocalDate last = end != null ? end : LocalDate.now(ZoneOffset.UTC);
        LocalDate first = start != null ? start : period.defaultFirst(last);
        if (first.isAfter(last)) {
            throw ApiProblem.invalidField("start_date", "must not be after end_date");
        }
        List<LocalDate> buckets = buckets(period, first, last);
        if (buckets.size() > MAX_BUCKETS) {
            throw ApiProblem.badRequest("the range has more than " + MAX_BUCKETS + " " + period.wire()
                    + " periods; at most " + MAX_BUCKETS + " fit in one report");
        }
        if (buckets.get(0).getYear() < 1) {
            throw ApiProblem.invalidField(start == null ? "end_date" : "start_date",
                    "the report would begin before the year 1");
        }
        return new Range(period.truncation(), first, last, buckets);
    }

    private static List<LocalDate> buckets(Period period, LocalDate first, LocalDate last) {
        List<LocalDate> buckets = new ArrayList<>();
        for (LocalDate bucket = period.bucketOf(first); !bucket.isAfter(last) && buckets.size() <= MAX_BUCKETS;
                bucket = period.next(bucket)) {
            buckets.add(bucket);
        }
        return buckets;
    }

    /** One of AnalyticsQueries' bucket queries. */
    @FunctionalInterface
    private interface BucketQuery {
        List<AnalyticsQueries.Bucket> run(String tenant, String unit, LocalDateTime from, LocalDateTime to);
    }

    /** The query's buckets over the range's days (its last day whole), keyed by each bucket's first day. */
    private Map<LocalDate, AnalyticsQueries.Bucket> byDate(Range range, BucketQuery query) {
        return query.run(tenants.require(), range.unit(), range.first().atStartOfDay(),
                range.last().plusDays(1).atStartOfDay()).stream()
                .collect(Collectors.toMap(AnalyticsQueries.Bucket::date, Function.identity()));
    }

    private static BigDecimal money(BigDecimal value) {
        return OrderMapper.money(cents(value));
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }
}
