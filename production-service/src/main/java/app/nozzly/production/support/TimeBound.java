package app.nozzly.production.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A date-time filter of a list (specs/000 start_date, end_date; specs/001 date_from, date_to): an ISO-8601
 * date-time (UTC when it has no offset) or a date. A date as a lower bound is its first instant, as an upper bound
 * its last, so both APIs compare bounds inclusively. Query parameters of this type are converted by
 * {@link ParamConverters}.
 */
@Schema(type = SchemaType.STRING, description = "an ISO-8601 date-time (2024-03-15T08:00:00Z; UTC without offset)"
        + " or date (2024-03-15: from its first instant, up to its last)")
public final class TimeBound {

    private final OffsetDateTime from;
    private final OffsetDateTime until;

    private TimeBound(OffsetDateTime from, OffsetDateTime until) {
        this.from = from;
        this.until = until;
    }

    /** Reads a bound; a value that is neither a date nor a date-time is an IllegalArgumentException. */
    public static TimeBound parse(String value) {
        String text = value.strip();
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        // the '+' of an offset sent unencoded arrives as a space
        text = text.replace(' ', '+');
        try {
            if (text.length() == 10) {
                // a ten-character date has a four-digit year: inside what Postgres stores
                LocalDate day = LocalDate.parse(text);
                return new TimeBound(day.atStartOfDay().atOffset(ZoneOffset.UTC),
                        day.plusDays(1).atStartOfDay().minusNanos(1).atOffset(ZoneOffset.UTC));
            }
            OffsetDateTime at;
            try {
                at = OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                at = LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            }
            if (at.getYear() < 1 || at.getYear() > 9999) {
                throw new IllegalArgumentException("'" + value + "' is outside the years 1 to 9999");
            }
            return new TimeBound(at, at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO-8601 date (2024-03-15) or date-time"
                    + " (2024-03-15T08:00:00Z)", e);
        }
    }

    /** The bound as the lower end of a range. */
    public OffsetDateTime from() {
        return from;
    }

    /** The bound as the upper end of a range. */
    public OffsetDateTime until() {
        return until;
    }

    /** The lower bound of a range, or null without one. */
    public static OffsetDateTime from(TimeBound bound) {
        return bound == null ? null : bound.from();
    }

    /** The upper bound of a range, or null without one. */
    public static OffsetDateTime until(TimeBound bound) {
        return bound == null ? null : bound.until();
    }
}
