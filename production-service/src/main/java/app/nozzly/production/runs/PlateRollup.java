package app.nozzly.production.runs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How plates roll up into a run's items: the successful and failed prints of each model. A model without
 * plates counts its planned quantity as produced once the run completes (specs/000 plates are optional).
 */
public final class PlateRollup {

    private final Map<UUID, int[]> byModel = new HashMap<>();

    private PlateRollup() {
    }

    public static PlateRollup of(List<ProductionRunPlate> plates) {
        PlateRollup rollup = new PlateRollup();
        for (ProductionRunPlate plate : plates) {
            int[] counts = rollup.byModel.computeIfAbsent(plate.modelId, m -> new int[2]);
            if (plate.status == PlateStatus.COMPLETED) {
                counts[0] += plate.successfulPrints == null ? 0 : plate.successfulPrints;
                counts[1] += plate.failedPrints == null ? 0 : plate.failedPrints;
            } else if (plate.status == PlateStatus.FAILED) {
                counts[1] += plate.copiesPerPlate;
            }
        }
        return rollup;
    }

    public boolean hasPlates(UUID modelId) {
        return byModel.containsKey(modelId);
    }

    public int successful(ProductionRunItem item, RunStatus runStatus) {
        if (hasPlates(item.modelId)) {
            return byModel.get(item.modelId)[0];
        }
        return runStatus == RunStatus.COMPLETED ? item.quantity : 0;
    }

    public int failed(ProductionRunItem item) {
        return hasPlates(item.modelId) ? byModel.get(item.modelId)[1] : 0;
    }
}
