package app.nozzly.ordersync.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void weeksStartOnMondayAndMonthsOnTheirFirstDay() {
        LocalDate newYear = LocalDate.of(2025, 1, 1);
        assertThat(Period.DAILY.bucketOf(newYear)).isEqualTo(newYear);
        assertThat(Period.WEEKLY.bucketOf(newYear)).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(Period.WEEKLY.bucketOf(LocalDate.of(2024, 12, 30))).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(Period.MONTHLY.bucketOf(LocalDate.of(2025, 2, 28))).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(Period.MONTHLY.next(LocalDate.of(2025, 1, 1))).isEqualTo(LocalDate.of(2025, 2, 1));
    }

    @Test
    void withoutAStartAReportCoversThirtyDaysTwelveWeeksOrTwelveMonths() {
        LocalDate last = LocalDate.of(2025, 6, 15);
        assertThat(Period.DAILY.defaultFirst(last)).isEqualTo(LocalDate.of(2025, 5, 17));
        assertThat(Period.WEEKLY.defaultFirst(last)).isEqualTo(LocalDate.of(2025, 3, 30));
        assertThat(Period.MONTHLY.defaultFirst(last)).isEqualTo(LocalDate.of(2024, 7, 1));
    }

    @Test
    void theWireNamesAreThoseOfSpecs002AndNothingElseIsAPeriod() {
        assertThat(Period.fromString("weekly")).isEqualTo(Period.WEEKLY);
        assertThat(Period.MONTHLY.wire()).isEqualTo("monthly");
        assertThat(Period.DAILY.truncation()).isEqualTo("day");
        assertThatThrownBy(() -> Period.fromString("WEEKLY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("daily, weekly, monthly");
        assertThatThrownBy(() -> Period.fromString("hourly")).isInstanceOf(IllegalArgumentException.class);
    }
}
