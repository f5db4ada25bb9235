package app.nozzly.production.runs.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.production.catalog.CatalogModel;
import app.nozzly.production.catalog.CatalogSpool;
import app.nozzly.production.catalog.repository.Catalog;
import app.nozzly.production.runs.service.PlateRollup;
import app.nozzly.production.runs.ProductionRun;
import app.nozzly.production.runs.ProductionRunItem;
import app.nozzly.production.runs.ProductionRunMaterial;
import app.nozzly.production.runs.ProductionRunPlate;
import app.nozzly.production.runs.RunViews.CostView;
import app.nozzly.production.runs.RunViews.ItemView;
import app.nozzly.production.runs.RunViews.MaterialTypeRef;
import app.nozzly.production.runs.RunViews.MaterialView;
import app.nozzly.production.runs.RunViews.ModelRef;
import app.nozzly.production.runs.RunViews.PlateView;
import app.nozzly.production.runs.RunViews.RunDetail;
import app.nozzly.production.runs.RunViews.RunSummary;
import app.nozzly.production.runs.RunViews.SpoolRef;

/**
 * Entities to the API records of specs/000, with the model and spool objects from production's own copy of
 * inventory's catalog: a read asks no other service. A model or spool the copy never saw is null in the view.
 */
@ApplicationScoped
public class RunMapper {

    @Inject
    Catalog catalog;

    public RunSummary toSummary(ProductionRun run) {
        return new RunSummary(run.id, run.runNumber, run.status.value(), run.startedAt, run.completedAt,
                run.durationHours, run.notes, run.createdAt);
    }

    public RunDetail toDetail(ProductionRun run, List<ProductionRunItem> items, List<ProductionRunMaterial> materials,
            List<ProductionRunPlate> plates) {
        return toDetail(run, items, materials, plates, catalog.models(items.stream().map(i -> i.modelId).toList()),
                catalog.spools(materials.stream().map(m -> m.spoolId).toList()));
    }

    /** The detail of a run whose models and spools were read with it (a model or spool not among them is null). */
    public RunDetail toDetail(ProductionRun run, List<ProductionRunItem> items, List<ProductionRunMaterial> materials,
            List<ProductionRunPlate> plates, Map<UUID, CatalogModel> models, Map<UUID, CatalogSpool> spools) {
        PlateRollup rollup = PlateRollup.of(plates, items);
        List<ItemView> itemViews = items.stream()
                .map(item -> toView(item, rollup, run, Optional.ofNullable(models.get(item.modelId))))
                .toList();
        List<MaterialView> materialViews = materials.stream()
                .map(m -> toView(m, Optional.ofNullable(spools.get(m.spoolId)))).toList();
        Double estimatedCost = null;
        boolean allPriced = true;
        double sum = 0;
        for (ProductionRunMaterial m : materials) {
            Double perGram = m.costPerGram != null ? m.costPerGram
                    : Optional.ofNullable(spools.get(m.spoolId)).map(CatalogSpool::costPerGram).orElse(null);
            if (perGram == null) {
                allPriced = false;
            } else {
                sum += m.estimatedTotalGrams() * perGram;
            }
        }
        if (allPriced) {
            estimatedCost = Money.round(sum);
        }
        Double perUnit = run.materialCost != null && run.successfulUnits != null && run.successfulUnits > 0
                ? Money.round(run.materialCost / run.successfulUnits)
                : null;
        return new RunDetail(run.id, run.runNumber, run.status.value(), run.startedAt, run.completedAt,
                run.durationHours, run.actualTotalFilamentGrams, run.notes, itemViews, materialViews,
                run.failureReason, run.cancelMode, estimatedCost, run.materialCost, run.successfulUnits,
                run.failedUnits, perUnit, run.createdAt, run.updatedAt, cost(run));
    }

    public ItemView toView(ProductionRunItem item, PlateRollup rollup, ProductionRun run,
            Optional<CatalogModel> model) {
        return new ItemView(item.id, item.modelId, item.quantity,
                model.map(m -> new ModelRef(m.id(), m.name(), m.sku())).orElse(null),
                rollup.successful(item, run.status),
                rollup.failed(item), item.orderId, item.orderItemId, item.costOfGoods);
    }

    /** The cost of goods of a completed run; null until then. */
    public static CostView cost(ProductionRun run) {
        if (run.costOfGoods == null) {
            return null;
        }
        return new CostView(BigDecimal.valueOf(run.materialCost).setScale(2, RoundingMode.HALF_EVEN), run.wasteGrams,
                run.machineHours, run.machineCost, run.costOfGoods);
    }

    public MaterialView toView(ProductionRunMaterial m, Optional<CatalogSpool> spool) {
        SpoolRef ref = spool.map(s -> new SpoolRef(s.id(), s.spoolId(), s.brand(), s.color(),
                s.materialTypeCode() == null ? null : new MaterialTypeRef(s.materialTypeCode(), s.materialTypeName())))
                .orElse(null);
        Double cost = m.deductedGrams != null && m.costPerGram != null ? Money.round(m.deductedGrams * m.costPerGram)
                : null;
        return new MaterialView(m.id, m.spoolId, m.estimatedModelWeightGrams, m.estimatedFlushedGrams,
                m.estimatedTowerGrams, m.actualModelWeightGrams, m.spoolWeightBeforeGrams, m.spoolWeightAfterGrams, ref,
                m.actualFlushedGrams, m.actualTowerGrams, Grams.round(m.estimatedTotalGrams()),
                m.actualTotalGrams().map(Grams::round).orElse(null), m.usageMethod().orElse(null), m.deductedGrams,
                m.costPerGram, cost, m.reservationId);
    }

    public PlateView toView(ProductionRunPlate p) {
        ProductionRun run = ProductionRun.findById(p.runId);
        return new PlateView(p.id, p.runId, p.plateNumber, p.modelId, p.printerId, p.copiesPerPlate,
                p.estimatedPrintTimeMinutes, p.status.value(), p.successfulPrints, p.failedPrints, p.startedAt,
                p.completedAt, p.notes, p.createdAt, p.updatedAt, p.jobName(run.runNumber), p.fileName);
    }
}
