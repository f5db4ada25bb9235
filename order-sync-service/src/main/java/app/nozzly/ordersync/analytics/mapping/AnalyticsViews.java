package app.nozzly.ordersync.analytics.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.nozzly.ordersync.analytics.Period;

/** The specs/002 Analytics shapes (snake_case on the wire), and the margin report of production cost. */
public final class AnalyticsViews {

    private AnalyticsViews() {
    }

    /**
     * specs/002 GET /analytics/dashboard. orders_this_month and revenue_this_month are the month's bucket of the
     * revenue report (earning orders, net revenue); average_order_value is the one over the other. gross_margin:
     * net revenue - cost of goods over the orders that have a cost of goods.
     */
    public record Dashboard(long totalOrders, long ordersThisMonth, BigDecimal revenueThisMonth,
            BigDecimal averageOrderValue, long totalPrints, long printsCompleted, BigDecimal printSuccessRate,
            BigDecimal filamentUsedKg, long materialsInStock, long lowStockAlerts, BigDecimal grossMargin,
            BigDecimal grossMarginPercent) {
    }

    /** One period of specs/002 GET /analytics/revenue. */
    public record RevenuePoint(LocalDate date, BigDecimal revenue, long orderCount, BigDecimal averageOrder) {
    }

    public record RevenueReport(Period period, LocalDate startDate, LocalDate endDate, List<RevenuePoint> data,
            BigDecimal totalRevenue, long totalOrders) {
    }

    /** One period of the margin report, or its summary (date null): orders with a cost of goods only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MarginPoint(LocalDate date, BigDecimal revenue, BigDecimal costOfGoods, BigDecimal margin,
            BigDecimal marginPercent, long orders) {
    }

    public record MarginReport(Period period, LocalDate startDate, LocalDate endDate, List<MarginPoint> data,
            MarginPoint summary) {
    }
}
