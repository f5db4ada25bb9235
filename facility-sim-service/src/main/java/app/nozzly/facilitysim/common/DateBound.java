package app.nozzly.facilitysim.common;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A startDate or endDate of specs/004: an ISO 8601 date, meaning its whole day (UTC), or a date-time taken as given.
 * Years 1 to 9999, like every date the platform stores.
 */
@Schema(type = SchemaType.STRING, description = "ISO 8601 date (2025-09-06, the whole day in UTC) or date-time"
        + " (2025-09-06T08:00:00Z)")
public record DateBound(LocalDate day, OffsetDateTime instant) {

    /** Parses a parameter value; {@link IllegalArgumentException} when it is neither a date nor a date-time. */
    public static DateBound parse(String text) {
        try {
            DateBound bound = text.length() == 10 ? new DateBound(LocalDate.parse(text), null)
                    : new DateBound(null, OffsetDateTime.parse(text));
            int year = bound.day != null ? bound.day.getYear() : bound.instant.getYear();
            if (year < 1 || year > 9999) {
                throw new IllegalArgumentException("year " + year + " is outside 1..9999");
            }
            return bound;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The first instant this bound admits, as a start. */
    public OffsetDateTime from() {
        return day != null ? day.atStartOfDay().atOffset(ZoneOffset.UTC) : instant;
    }

    /** The first instant after this bound, as an inclusive end: the day after a date, the date-time itself. */
    public OffsetDateTime until() {
        return day != null ? day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC) : instant;
    }
}
