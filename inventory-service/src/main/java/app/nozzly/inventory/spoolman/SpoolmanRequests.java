package app.nozzly.inventory.spoolman;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/**
 * The request bodies of Spoolman's API, read and bounded by its resources; {@code present} names the members the
 * body had (a PATCH changes only those, a null among them clears).
 */
public final class SpoolmanRequests {

    private SpoolmanRequests() {
    }

    public record Vendor(Set<String> present, String name, String comment, Double emptySpoolWeight, String externalId,
            Map<String, String> extra) {
    }

    public record Filament(Set<String> present, String name, Long vendorId, String material, Double price, Double density,
            Double diameter, Double weight, Double spoolWeight, String articleNumber, String comment,
            Long settingsExtruderTemp, Long settingsBedTemp, String colorHex, String multiColorHexes,
            String multiColorDirection, String externalId, Map<String, String> extra) {
    }

    public record Spool(Set<String> present, OffsetDateTime firstUsed, OffsetDateTime lastUsed, Long filamentId,
            Double price, Double initialWeight, Double spoolWeight, Double remainingWeight, Double usedWeight,
            String location, String lotNr, String comment, Boolean archived, Map<String, String> extra) {
    }
}
