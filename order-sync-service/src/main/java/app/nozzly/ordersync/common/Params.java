package app.nozzly.ordersync.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The typed query parameters of specs/002 that JAX-RS cannot read by itself: dates within the years the database
 * stores. Each is read by its {@code fromString}, so a malformed value answers 400 (platform-commons) before any
 * resource runs; limits and offsets are plain integers with Bean Validation on the resource.
 */
public final class Params {

    /** specs/002 Pagination: the largest offset a list accepts, so that offset + limit stays an int. */
    public static final int MAX_OFFSET = 1_000_000_000;

    private static final String DATE_EXAMPLE = "a date like 2025-01-31";
    private static final String DATE_TIME_EXAMPLE = "a date-time like 2025-01-31T10:00:00 (optionally with Z or an"
            + " offset)";

    private Params() {
    }

    /** start_date and end_date of GET /orders: a date, or a date-time read as UTC. */
    @Schema(type = SchemaType.STRING, description = "a date (2025-01-31) or a date-time (2025-01-31T10:00:00, "
            + "optionally with Z or an offset), UTC; years 1-9999")
    public record DateOrTime(LocalDateTime value, boolean wholeDay) {

        public static DateOrTime fromString(String text) {
            String v = text.trim();
            try {
                if (v.length() == 10) {
                    return new DateOrTime(inRange(LocalDate.parse(v)).atStartOfDay(), true);
                }
                LocalDateTime time = v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")
                        ? OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                        : LocalDateTime.parse(v);
                inRange(time.toLocalDate());
                return new DateOrTime(time, false);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is neither " + DATE_EXAMPLE + " nor "
                        + DATE_TIME_EXAMPLE, e);
            }
        }

        /** As the first moment of a range. */
        public LocalDateTime from() {
            return value;
        }

        /** As the inclusive end of a range, given as the exclusive bound: a bare date means its whole day. */
        public LocalDateTime untilExclusive() {
            return wholeDay ? value.plusDays(1) : value.plusNanos(1);
        }
    }

    /** start_date and end_date of the analytics reports: a calendar day. */
    @Schema(type = SchemaType.STRING, format = "date", description = "a date (2025-01-31); years 1-9999")
    public record Day(LocalDate value) {

        public static Day fromString(String text) {
            try {
                return new Day(inRange(LocalDate.parse(text.trim())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not " + DATE_EXAMPLE, e);
            }
        }
    }

    private static LocalDate inRange(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new IllegalArgumentException("'" + date + "' is outside the years 1-9999");
        }
        return date;
    }
}
