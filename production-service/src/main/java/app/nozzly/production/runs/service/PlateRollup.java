package app.nozzly.production.runs.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.nozzly.production.runs.PlateStatus;
import app.nozzly.production.runs.ProductionRunItem;
import app.nozzly.production.runs.ProductionRunPlate;
import app.nozzly.production.runs.RunStatus;

/**
 * How plates roll up into a run's items: the successful and failed prints of each model. A model without
 * plates counts its planned quantity as produced once the run completes (specs/000 plates are optional).
 * Several items of one model (a run for orders: one item per order line) share the model's prints in item
 * order, each up to its quantity, the last one taking what is left.
 */
public final class PlateRollup {

    private final Map<UUID, int[]> byModel = new HashMap<>();
    private final Map<UUID, int[]> byItem = new HashMap<>();

    private PlateRollup() {
    }

    public static PlateRollup of(List<ProductionRunPlate> plates, List<ProductionRunItem> items) {
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
        Map<UUID, int[]> left = new HashMap<>();
        rollup.byModel.forEach((model, counts) -> left.put(model, counts.clone()));
        Map<UUID, ProductionRunItem> lastOfModel = new HashMap<>();
        items.forEach(item -> lastOfModel.put(item.modelId, item));
        for (ProductionRunItem item : items) {
            int[] remaining = left.get(item.modelId);
            if (remaining == null) {
                continue;
            }
            boolean last = lastOfModel.get(item.modelId) == item;
            int ok = last ? remaining[0] : Math.min(remaining[0], item.quantity);
            int bad = last ? remaining[1] : Math.min(remaining[1], Math.max(0, item.quantity - ok));
            remaining[0] -= ok;
            remaining[1] -= bad;
            rollup.byItem.put(item.id, new int[] {ok, bad});
        }
        return rollup;
    }

    public boolean hasPlates(UUID modelId) {
        return byModel.containsKey(modelId);
    }

    public int successful(ProductionRunItem item, RunStatus runStatus) {
        if (hasPlates(item.modelId)) {
            return byItem.getOrDefault(item.id, new int[2])[0];
        }
        return runStatus == RunStatus.COMPLETED ? item.quantity : 0;
    }

    public int failed(ProductionRunItem item) {
        return hasPlates(item.modelId) ? byItem.getOrDefault(item.id, new int[2])[1] : 0;
    }
}
