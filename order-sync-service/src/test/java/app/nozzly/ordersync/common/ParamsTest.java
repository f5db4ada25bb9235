package app.nozzly.ordersync.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void aBareDateCoversItsWholeDayAndADateTimeIsAnInstantInUtc() {
        Params.DateOrTime day = Params.DateOrTime.fromString("2025-01-31");
        assertThat(day.from()).isEqualTo(LocalDateTime.of(2025, 1, 31, 0, 0));
        assertThat(day.untilExclusive()).isEqualTo(LocalDateTime.of(2025, 2, 1, 0, 0));

        Params.DateOrTime local = Params.DateOrTime.fromString("2025-01-31T10:00:00");
        assertThat(local.from()).isEqualTo(LocalDateTime.of(2025, 1, 31, 10, 0));
        assertThat(local.untilExclusive()).isEqualTo(LocalDateTime.of(2025, 1, 31, 10, 0, 0, 1));
        assertThat(Params.DateOrTime.fromString("2025-01-31T10:00:00+02:00").from())
                .isEqualTo(LocalDateTime.of(2025, 1, 31, 8, 0));
        assertThat(Params.DateOrTime.fromString("2025-01-31T23:30:00Z").from())
                .isEqualTo(LocalDateTime.of(2025, 1, 31, 23, 30));
        assertThat(Params.DateOrTime.fromString("9999-12-31").untilExclusive().getYear()).isEqualTo(10000);
    }

    @Test
    void malformedDatesAndYearsTheDatabaseDoesNotHoldAreRefused() {
        for (String text : new String[] { "yesterday", "2025-02-30", "10000-01-01", "+10000-01-01", "0000-01-01",
                "2025-01-31T25:00:00", "" }) {
            assertThatThrownBy(() -> Params.DateOrTime.fromString(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Params.Day.fromString("2025-01-31").value()).isEqualTo(LocalDate.of(2025, 1, 31));
        for (String text : new String[] { "2025-01-31T10:00:00", "+999999999-12-31", "-0001-01-01" }) {
            assertThatThrownBy(() -> Params.Day.fromString(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
