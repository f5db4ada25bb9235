package app.nozzly.production.process.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;

/** Query and path parameters parsed into a clear VALIDATION_ERROR instead of JAX-RS's bare 404. */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, value, "a UUID");
        }
    }

    /** A path id: anything that is not a UUID names nothing, so it answers the resource's not-found code. */
    public static UUID id(String value, ProcessErrorCode notFound, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ProcessException(notFound, what + " " + value + " not found", Map.of("id", value));
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, value, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An ISO date (start of that day, UTC) or date-time. */
    public static OffsetDateTime instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, value, "an ISO-8601 date (2025-01-31) or date-time");
        }
    }

    private static ProcessException invalid(String name, String value, String expected) {
        return new ProcessException(ProcessErrorCode.VALIDATION_ERROR,
                "query parameter " + name + "='" + value + "' is not " + expected, Map.of("field", name));
    }
}
