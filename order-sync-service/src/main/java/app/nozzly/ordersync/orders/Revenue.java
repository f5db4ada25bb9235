package app.nozzly.ordersync.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The money rules of specs/002 Analytics: what an order earns, the average order value and the margin. Revenue
 * is net: a cancelled or refunded order earns nothing and does not count as an order, a partial refund is
 * subtracted.
 */
public final class Revenue {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal NO_CENTS = new BigDecimal("0.00");

    private Revenue() {
    }

    /** Whether an order in this status earns (and counts among the orders revenue is averaged over). */
    public static boolean earns(String status) {
        return !OrderStatus.CANCELLED.wire().equals(status) && !OrderStatus.REFUNDED.wire().equals(status);
    }

    /** What the order earns: nothing when cancelled or refunded, else the total less refunds, never below 0. */
    public static BigDecimal net(String status, BigDecimal total, BigDecimal refunded) {
        return earns(status) ? total.subtract(refunded).max(BigDecimal.ZERO) : BigDecimal.ZERO;
    }

    /** specs/002 average_order_value: revenue over the orders that earned it, in cents (1249.50 / 25 = 49.98). */
    public static BigDecimal averageOrderValue(BigDecimal revenue, long orders) {
        return orders == 0 ? NO_CENTS : revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_EVEN);
    }

    /** Net revenue less the cost of goods. */
    public static BigDecimal margin(BigDecimal revenue, BigDecimal costOfGoods) {
        return revenue.subtract(costOfGoods);
    }

    /** The margin as a percentage of revenue, two decimals; 0.00 without revenue. */
    public static BigDecimal marginPercent(BigDecimal revenue, BigDecimal margin) {
        return revenue.signum() == 0 ? NO_CENTS : margin.multiply(HUNDRED).divide(revenue, 2, RoundingMode.HALF_EVEN);
    }
}
