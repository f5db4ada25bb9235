package app.nozzly.ordersync.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Query parameters of specs/002 read by hand, so bad input answers 400 in the spec's shape. */
public final class Params {

    private Params() {
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw ApiException.badRequest(name + " must be between " + min + " and " + max + ", not " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer, not '" + value + "'");
        }
    }

    /** A date (2025-01-31) or a date-time (2025-01-31T10:00:00, optionally with offset), as UTC. */
    public static LocalDateTime dateTime(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date like 2025-01-31 or a date-time like"
                    + " 2025-01-31T10:00:00, not '" + value + "'");
        }
    }

    /** An inclusive end: a bare date means the whole day, so the exclusive bound is the next midnight. */
    public static LocalDateTime endExclusive(String name, String value) {
        LocalDateTime end = dateTime(name, value);
        if (end == null) {
            return null;
        }
        return value.trim().length() == 10 ? end.plusDays(1) : end.plusNanos(1);
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return dateTime(name, value).toLocalDate();
    }
}
