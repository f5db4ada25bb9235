package app.nozzly.printer.materials.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

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
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MaterialChange(Integer remainingPct, String vendor, Double costPerKg) {
    }
}
