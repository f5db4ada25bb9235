package app.nozzly.printer.materials.mapping;

import app.nozzly.printer.materials.AmsTray;
import app.nozzly.printer.materials.api.MaterialApi.Material;

/** AMS slot entity -> specs/002 material. */
public final class MaterialMapper {

    private MaterialMapper() {
    }

    public static Material toApi(AmsTray t) {
        return new Material(t.id, t.printerId, t.slot, t.amsId, t.trayId, t.materialType, t.color, t.weightGrams,
                t.remainingPct, t.vendor, t.costPerKg, t.loadedAt, t.lastSynced);
    }
}
