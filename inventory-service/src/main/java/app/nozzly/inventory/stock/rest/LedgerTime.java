package app.nozzly.inventory.stock.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A {@code from} or {@code to} of the ledger filter (module README, "Ledger"): an ISO-8601 date-time with offset,
 * or a date, which as {@code from} starts at its first instant and as {@code to} includes the whole day (UTC).
 * JAX-RS converts the query parameter with {@link #fromString}; anything else answers 400.
 */
@Schema(type = SchemaType.STRING, description = "an ISO-8601 date-time with offset (2025-01-31T12:00:00Z) or a date"
        + " (2025-01-31)")
public record LedgerTime(OffsetDateTime dateTime, LocalDate date) {

    public static LedgerTime fromString(String value) {
        String text = value.trim();
        try {
            return new LedgerTime(OffsetDateTime.parse(text), null);
        } catch (DateTimeParseException notADateTime) {
            try {
                return new LedgerTime(null, LocalDate.parse(text));
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException("from and to take an ISO-8601 date (2025-01-31) or date-time"
                        + " with offset (2025-01-31T12:00:00Z), got '" + value + "'");
            }
        }
    }

    /** The first instant this bound admits. */
    public OffsetDateTime start() {
        return dateTime != null ? dateTime : date.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The last instant this bound admits (to the microsecond Postgres keeps). */
    public OffsetDateTime end() {
        return dateTime != null ? dateTime
                : date.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000);
    }
}
