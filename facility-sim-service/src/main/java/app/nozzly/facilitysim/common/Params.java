package app.nozzly.facilitysim.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Query parameters arrive as text and are checked here, so a bad value answers 4001 naming the field
 * (JAX-RS would answer a bare 404 for an unparsable typed parameter).
 */
public final class Params {

    public static final int MONEY_SCALE = 2;
    public static final int QUANTITY_SCALE = 3;
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private Params() {
    }

    public static Optional<UUID> uuid(FacilityException.Validator v, String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            v.add(field, Msg.NOT_AN_ID);
            return Optional.empty();
        }
    }

    public static <E extends Enum<E>> Optional<E> enumValue(FacilityException.Validator v, String field, String value,
            E[] allowed) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        for (E e : allowed) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(e);
            }
        }
        v.add(field, Msg.ONE_OF, Arrays.toString(allowed));
        return Optional.empty();
    }

    public static int integer(FacilityException.Validator v, String field, String value, int fallback, int min,
            int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                v.add(field, Msg.OUT_OF_RANGE, min, max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            v.add(field, Msg.NOT_AN_INTEGER);
            return fallback;
        }
    }

    /** A start bound: a date means its first instant (UTC), a date-time is taken as given. */
    public static Optional<OffsetDateTime> from(FacilityException.Validator v, String field, String value) {
        return instant(v, field, value, false);
    }

    /** An end bound, inclusive: a date means up to the end of that day (UTC). */
    public static Optional<OffsetDateTime> until(FacilityException.Validator v, String field, String value) {
        return instant(v, field, value, true);
    }

    private static Optional<OffsetDateTime> instant(FacilityException.Validator v, String field, String value,
            boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            v.add(field, Msg.NOT_A_DATE);
            return Optional.empty();
        }
    }

    /** asc or desc, default given. */
    public static boolean descending(FacilityException.Validator v, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (!lower.equals("asc") && !lower.equals("desc")) {
            v.add("sortOrder", Msg.ONE_OF, "[asc, desc]");
            return fallback;
        }
        return lower.equals("desc");
    }

    /** A positive decimal amount with at most {@code scale} decimals. */
    public static void positive(FacilityException.Validator v, String field, BigDecimal value, int scale) {
        if (value == null) {
            v.add(field, Msg.REQUIRED);
        } else if (value.signum() <= 0) {
            v.add(field, Msg.MUST_BE_POSITIVE);
        } else if (value.stripTrailingZeros().scale() > scale) {
            v.add(field, Msg.TOO_MANY_DECIMALS, scale);
        } else if (value.compareTo(MAX_AMOUNT) > 0) {
            v.add(field, Msg.TOO_LARGE, MAX_AMOUNT.toPlainString());
        }
    }

    /** A decimal that may be zero, with at most {@code scale} decimals. */
    public static void notNegative(FacilityException.Validator v, String field, BigDecimal value, int scale) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0) {
            v.add(field, Msg.MUST_NOT_BE_NEGATIVE);
        } else if (value.stripTrailingZeros().scale() > scale) {
            v.add(field, Msg.TOO_MANY_DECIMALS, scale);
        } else if (value.compareTo(MAX_AMOUNT) > 0) {
            v.add(field, Msg.TOO_LARGE, MAX_AMOUNT.toPlainString());
        }
    }
}
