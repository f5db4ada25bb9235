package app.nozzly.inventory.spoolman;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Spoolman's date-times: UTC to the second on the way in, ISO 8601 with "Z" on the way out. */
public final class SpoolmanTimes {

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private SpoolmanTimes() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** As stored: UTC, whole seconds. */
    public static OffsetDateTime stored(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    public static String format(OffsetDateTime time) {
        return time == null ? null : OUT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** An ISO 8601 date-time, "Z" or an offset or none (UTC); null when it is none of these. */
    public static OffsetDateTime parse(String text) {
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(trimmed).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
