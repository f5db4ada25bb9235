package app.nozzly.production.runs.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.nozzly.production.runs.PlateStatus;
import app.nozzly.production.runs.ProductionRun;
import app.nozzly.production.runs.ProductionRunItem;
import app.nozzly.production.runs.ProductionRunMaterial;
import app.nozzly.production.runs.ProductionRunPlate;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Cost of goods of a completed run (our addition to specs/000 "Complete Production Run"): material = every deducted
 * gram (consumed and waste) at its spool's cost per gram; machine = the plates' printing hours (started ->
 * completed/failed; the run's duration when it has no plates) x the hourly printer cost. Items share the total by
 * successful units x the model's estimated grams (by units when a model's grams are unknown); the last item takes
 * the rounding remainder, so the shares add up exactly. A pure rule: the caller brings every figure.
 */
public final class CostOfGoods {

    /** Settings of production runs' costing. */
    @ConfigMapping(prefix = "nozzly.production")
    public interface Config {

        /** What an hour of printing costs, energy included, in the shop's currency. */
        @WithDefault("0.60")
        BigDecimal printerHourlyCost();
    }

    private final BigDecimal printerHourlyCost;

    public CostOfGoods(BigDecimal printerHourlyCost) {
        this.printerHourlyCost = printerHourlyCost;
    }

    /**
     * Writes the run's cost and each item's share; the run's material figures are already settled. {@code unitsOf}
     * holds each item's successful units, {@code gramsPerUnit} each model's estimated grams (absent when unknown).
     */
    public void settle(ProductionRun run, List<ProductionRunMaterial> materials, List<ProductionRunPlate> plates,
            List<ProductionRunItem> items, Map<UUID, Integer> unitsOf, Map<UUID, Double> gramsPerUnit) {
        BigDecimal material = BigDecimal.ZERO;
        double waste = 0;
        for (ProductionRunMaterial m : materials) {
            double deducted = m.deductedGrams == null ? 0 : m.deductedGrams;
            if (m.costPerGram != null) {
                material = material.add(BigDecimal.valueOf(deducted).multiply(BigDecimal.valueOf(m.costPerGram)));
            }
            waste += Math.min(deducted, purgeAndTower(m));
        }
        double hours = machineHours(run, plates);
        BigDecimal machineCost = BigDecimal.valueOf(hours).multiply(printerHourlyCost).setScale(2,
                RoundingMode.HALF_EVEN);
        BigDecimal materialCost = material.setScale(2, RoundingMode.HALF_EVEN);
        run.wasteGrams = Math.round(waste * 1000d) / 1000d;
        run.machineHours = Math.round(hours * 10_000d) / 10_000d;
        run.machineCost = machineCost;
        run.costOfGoods = materialCost.add(machineCost);
        allocate(run.costOfGoods, items, unitsOf, gramsPerUnit);
    }

    private static double purgeAndTower(ProductionRunMaterial m) {
        if (m.actualModelWeightGrams != null) {
            return orZero(m.actualFlushedGrams) + orZero(m.actualTowerGrams);
        }
        return m.estimatedFlushedGrams + m.estimatedTowerGrams;
    }

    private static double machineHours(ProductionRun run, List<ProductionRunPlate> plates) {
        if (plates.isEmpty()) {
            return run.durationHours == null ? 0 : run.durationHours;
        }
        long seconds = 0;
        for (ProductionRunPlate plate : plates) {
            boolean printed = plate.status == PlateStatus.COMPLETED || plate.status == PlateStatus.FAILED;
            if (printed && plate.startedAt != null && plate.completedAt != null) {
                seconds += Math.max(0, Duration.between(plate.startedAt, plate.completedAt).toSeconds());
            }
        }
        return seconds / 3600d;
    }

    private static void allocate(BigDecimal total, List<ProductionRunItem> items, Map<UUID, Integer> unitsOf,
            Map<UUID, Double> gramsPerUnit) {
        if (items.isEmpty()) {
            return;
        }
        double[] weights = new double[items.size()];
        boolean gramsKnown = true;
        for (int i = 0; i < items.size(); i++) {
            Double grams = gramsPerUnit.get(items.get(i).modelId);
            boolean known = grams != null && grams > 0;
            gramsKnown &= known;
            weights[i] = unitsOf.get(items.get(i).id) * (known ? grams : 1d);
        }
        if (!gramsKnown) {
            for (int i = 0; i < items.size(); i++) {
                weights[i] = unitsOf.get(items.get(i).id);
            }
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (sum == 0) {
            // nothing succeeded: the planned quantities carry the cost
            for (int i = 0; i < items.size(); i++) {
                weights[i] = items.get(i).quantity;
                sum += weights[i];
            }
        }
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            ProductionRunItem item = items.get(i);
            if (i == items.size() - 1) {
                item.costOfGoods = total.subtract(given);
            } else {
                item.costOfGoods = total.multiply(BigDecimal.valueOf(weights[i] / sum)).setScale(2,
                        RoundingMode.HALF_EVEN);
                given = given.add(item.costOfGoods);
            }
        }
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
