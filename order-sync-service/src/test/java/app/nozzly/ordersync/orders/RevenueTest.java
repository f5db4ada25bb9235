package app.nozzly.ordersync.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class RevenueTest {

    @Test
    void averageOrderValueIsRevenueOverOrdersAsSpecs002Shows() {
        assertThat(Revenue.averageOrderValue(new BigDecimal("1249.50"), 25)).isEqualByComparingTo("49.98");
        assertThat(Revenue.averageOrderValue(new BigDecimal("1249.50"), 25).scale()).isEqualTo(2);
        assertThat(Revenue.averageOrderValue(new BigDecimal("10"), 3)).isEqualByComparingTo("3.33");
        assertThat(Revenue.averageOrderValue(BigDecimal.ZERO, 0)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void cancelledAndRefundedOrdersEarnNothingAndPartialRefundsAreSubtracted() {
        assertThat(Revenue.net("paid", new BigDecimal("50.00"), new BigDecimal("12.50")))
                .isEqualByComparingTo("37.50");
        assertThat(Revenue.net("cancelled", new BigDecimal("50.00"), BigDecimal.ZERO)).isEqualByComparingTo("0");
        assertThat(Revenue.net("refunded", new BigDecimal("50.00"), new BigDecimal("50.00")))
                .isEqualByComparingTo("0");
        assertThat(Revenue.net("partially_refunded", new BigDecimal("50.00"), new BigDecimal("80.00")))
                .isEqualByComparingTo("0");
        assertThat(Revenue.earns("partially_refunded")).isTrue();
        assertThat(Revenue.earns("refunded")).isFalse();
    }

    @Test
    void marginIsNetRevenueLessCostOfGoodsAndItsPercentOfRevenue() {
        BigDecimal margin = Revenue.margin(new BigDecimal("80.00"), new BigDecimal("30.00"));
        assertThat(margin).isEqualByComparingTo("50.00");
        assertThat(Revenue.marginPercent(new BigDecimal("80.00"), margin)).isEqualByComparingTo("62.50");
        assertThat(Revenue.marginPercent(BigDecimal.ZERO, new BigDecimal("-5"))).isEqualTo(new BigDecimal("0.00"));
        assertThat(Revenue.margin(new BigDecimal("20.00"), new BigDecimal("30.00"))).isEqualByComparingTo("-10.00");
    }
}
