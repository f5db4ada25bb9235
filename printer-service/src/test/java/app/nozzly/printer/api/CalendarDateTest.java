package app.nozzly.printer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CalendarDateTest {

    private final CalendarDate.Validator validator = new CalendarDate.Validator();

    @Test
    void datesOfYearsOneToNineThousandNineHundredNinetyNineAreValidAndAbsentOnesToo() {
        assertThat(validator.isValid(null, null)).isTrue();
        assertThat(validator.isValid(LocalDate.of(1, 1, 1), null)).isTrue();
        assertThat(validator.isValid(LocalDate.of(2025, 9, 3), null)).isTrue();
        assertThat(validator.isValid(LocalDate.of(9999, 12, 31), null)).isTrue();
    }

    @Test
    void datesBeyondThoseYearsAreNot() {
        assertThat(validator.isValid(LocalDate.of(0, 12, 31), null)).isFalse();
        assertThat(validator.isValid(LocalDate.of(10_000, 1, 1), null)).isFalse();
        assertThat(validator.isValid(LocalDate.MAX, null)).isFalse();
        assertThat(validator.isValid(LocalDate.MIN, null)).isFalse();
    }
}
