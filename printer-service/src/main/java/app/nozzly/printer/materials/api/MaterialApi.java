package app.nozzly.printer.materials.api;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** API records of specs/002 "AMS Materials". */
public final class MaterialApi {

    private MaterialApi() {
    }

    /** One AMS slot; ams_id and tray_id (beyond the spec) say where the slot is. */
    public record Material(long id, String printerId, int slot, int amsId, int trayId, String materialType,
            String color, Integer weightGrams, Integer remainingPct, String vendor, Double costPerKg, Instant loadedAt,
            Instant lastSynced) {
    }

    /** PUT /bambu/materials/{id}: absent fields keep their value. */
    public record MaterialChange(@Min(0) @Max(100) Integer remainingPct, @Size(max = 100) String vendor,
            @PositiveOrZero Double costPerKg) {
    }
}
