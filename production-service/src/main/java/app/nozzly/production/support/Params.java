package app.nozzly.production.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Query and path parameters of both APIs, parsed one way: a malformed or out-of-range value answers 400 naming the
 * parameter (never JAX-RS's bare 404 or a 500), in the error shape of the API asking; each API family makes one
 * instance with its own error. Absent or blank values are null.
 */
public final class Params {

    private final BiFunction<String, String, RuntimeException> invalid;

    /** {@code invalid} makes the API's 400 from the parameter's name and a message naming it. */
    public Params(BiFunction<String, String, RuntimeException> invalid) {
        this.invalid = invalid;
    }

    public Integer integer(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, value, "a whole number");
        }
    }

    public boolean bool(String name, String value) {
        if (absent(value)) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, value, "true or false");
        };
    }

    public UUID uuid(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(name, value, "a UUID");
        }
    }

    /** A path id: a value that is not a UUID names nothing, so it answers the resource's own not-found. */
    public static UUID id(String value, Supplier<RuntimeException> notFound) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw notFound.get();
        }
    }

    /** One of the enum's wire values. */
    public <E extends Enum<E> & WireEnum> E oneOf(String name, String value, Class<E> type) {
        if (absent(value)) {
            return null;
        }
        return WireEnum.of(type, value.strip())
                .orElseThrow(() -> invalid(name, value, "one of " + String.join(", ", WireEnum.values(type))));
    }

    /**
     * An ISO-8601 date-time (UTC when it has no offset) or date. A date as an upper bound means its whole day: its
     * last instant, so both APIs compare upper bounds inclusively.
     */
    public OffsetDateTime instant(String name, String value, boolean upperBound) {
        if (absent(value)) {
            return null;
        }
        String text = value.strip();
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        // the '+' of an offset sent unencoded arrives as a space
        text = text.replace(' ', '+');
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return upperBound ? day.plusDays(1).atStartOfDay().minusNanos(1).atOffset(ZoneOffset.UTC)
                        : day.atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw invalid(name, value, "an ISO-8601 date (2024-03-15) or date-time (2024-03-15T08:00:00Z)");
        }
    }

    /** A lower and an upper bound named by two parameters: the lower may not be after the upper. */
    public void ordered(String fromName, OffsetDateTime from, String toName, OffsetDateTime to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw invalid.apply(fromName, fromName + " must not be after " + toName);
        }
    }

    /** specs/001 page (from 1) and limit (1 to {@code max}, default {@code defaultLimit}). */
    public PageRequest page(String page, String limit, int defaultLimit, int max) {
        Integer p = integer("page", page);
        Integer l = integer("limit", limit);
        int number = p == null ? 1 : p;
        int size = l == null ? defaultLimit : l;
        if (number < 1) {
            throw invalid.apply("page", "page must be 1 or more, got " + number);
        }
        requireLimit(size, max);
        return PageRequest.window((number - 1) * size, size);
    }

    /** A list its spec does not page: all of it, unless the client asks for a page (1 to {@code max} a page). */
    public PageRequest pageOrAll(String page, String limit, int defaultLimit, int max) {
        return absent(page) && absent(limit) ? PageRequest.all() : page(page, limit, defaultLimit, max);
    }

    /** specs/000 skip (from 0) and limit (1 to {@code max}, default {@code defaultLimit}). */
    public PageRequest skip(String skip, String limit, int defaultLimit, int max) {
        Integer s = integer("skip", skip);
        Integer l = integer("limit", limit);
        int offset = s == null ? 0 : s;
        int size = l == null ? defaultLimit : l;
        if (offset < 0) {
            throw invalid.apply("skip", "skip must be 0 or more, got " + offset);
        }
        requireLimit(size, max);
        return PageRequest.window(offset, size);
    }

    /** A list its spec does not page: all of it, unless the client asks for a window by skip and limit. */
    public PageRequest skipOrAll(String skip, String limit, int defaultLimit, int max) {
        return absent(skip) && absent(limit) ? PageRequest.all() : skip(skip, limit, defaultLimit, max);
    }

    private void requireLimit(int size, int max) {
        if (size < 1 || size > max) {
            throw invalid.apply("limit", "limit must be between 1 and " + max + ", got " + size);
        }
    }

    private RuntimeException invalid(String name, String value, String expected) {
        return invalid.apply(name, "query parameter " + name + "='" + value + "' is not " + expected);
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }
}
