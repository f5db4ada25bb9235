package app.nozzly.ordersync.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * specs/002 GET /analytics/revenue {@code period}: one bucket per day, per week (starting on Monday) or per
 * calendar month. Without a start date a report covers the last 30 days, 12 weeks or 12 months up to its end.
 */
public enum Period {

    DAILY("day", ChronoUnit.DAYS), WEEKLY("week", ChronoUnit.WEEKS), MONTHLY("month", ChronoUnit.MONTHS);

    private final String truncation;
    private final ChronoUnit step;

    Period(String truncation, ChronoUnit step) {
        this.truncation = truncation;
        this.step = step;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period a client names; the query parameter {@code period} is read here. */
    public static Period fromString(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + wire + "' is not a period; one of "
                        + Arrays.stream(values()).map(Period::wire).collect(Collectors.joining(", "))));
    }

    /** Postgres' date_trunc field of this period (ISO weeks start on Monday). */
    public String truncation() {
        return truncation;
    }

    /** The first day of the bucket that holds {@code day}. */
    public LocalDate bucketOf(LocalDate day) {
        return switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
        };
    }

    /** The bucket after the one starting on {@code bucket}. */
    public LocalDate next(LocalDate bucket) {
        return bucket.plus(1, step);
    }

    /** Where a report ending on {@code last} starts when the client names no start. */
    public LocalDate defaultFirst(LocalDate last) {
        return switch (this) {
            case DAILY -> last.minusDays(29);
            case WEEKLY -> last.minusWeeks(11);
            case MONTHLY -> last.minusMonths(11).withDayOfMonth(1);
        };
    }
}
