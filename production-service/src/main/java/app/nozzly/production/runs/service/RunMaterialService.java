package app.nozzly.production.runs.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.production.catalog.repository.Catalog;
import app.nozzly.production.runs.ProductionRun;
import app.nozzly.production.runs.ProductionRunException;
import app.nozzly.production.runs.ProductionRunMaterial;
import app.nozzly.production.runs.RunRequests.AddMaterial;
import app.nozzly.production.runs.RunRequests.UpdateMaterial;
import app.nozzly.production.runs.RunViews.MaterialView;
import app.nozzly.production.client.Inventory;
import app.nozzly.production.runs.client.ForRuns;
import app.nozzly.production.client.InventoryModels.Spool;
import app.nozzly.production.runs.mapping.RunMapper;

/**
 * Materials of a run (specs/000 "Production Run Materials"): each estimate is reserved on its spool, so the
 * spool's available filament after other runs' reservations must cover it; actuals are recorded here too.
 */
@ApplicationScoped
@Transactional
public class RunMaterialService {

    @Inject
    Runs runs;

    @Inject
    Reservations reservations;

    @Inject
    @ForRuns
    Inventory inventory;

    @Inject
    RunMapper mapper;

    @Inject
    Catalog catalog;

    public MaterialView add(UUID runId, AddMaterial request) {
        ProductionRun run = runs.lockInProgress(runId, "add materials");
        return view(addTo(run, request));
    }

    public MaterialView update(UUID runId, UUID materialId, UpdateMaterial request) {
        ProductionRun run = runs.lockInProgress(runId, "update materials");
        ProductionRunMaterial m = find(run, materialId);
        boolean estimatesChanged = request.estimatedModelWeightGrams() != null
                || request.estimatedFlushedGrams() != null || request.estimatedTowerGrams() != null;
        if (request.estimatedModelWeightGrams() != null) {
            m.estimatedModelWeightGrams = request.estimatedModelWeightGrams();
        }
        if (request.estimatedFlushedGrams() != null) {
            m.estimatedFlushedGrams = request.estimatedFlushedGrams();
        }
        if (request.estimatedTowerGrams() != null) {
            m.estimatedTowerGrams = request.estimatedTowerGrams();
        }
        if (request.spoolWeightBeforeGrams() != null) {
            m.spoolWeightBeforeGrams = request.spoolWeightBeforeGrams();
        }
        if (request.spoolWeightAfterGrams() != null) {
            m.spoolWeightAfterGrams = request.spoolWeightAfterGrams();
        }
        if (request.actualModelWeightGrams() != null) {
            m.actualModelWeightGrams = request.actualModelWeightGrams();
        }
        if (request.actualFlushedGrams() != null) {
            m.actualFlushedGrams = request.actualFlushedGrams();
        }
        if (request.actualTowerGrams() != null) {
            m.actualTowerGrams = request.actualTowerGrams();
        }
        if (m.spoolWeightBeforeGrams != null && m.spoolWeightAfterGrams != null
                && m.spoolWeightAfterGrams > m.spoolWeightBeforeGrams) {
            throw ApiProblem.invalidField("spool_weight_after_grams", "spool_weight_after_grams ("
                    + m.spoolWeightAfterGrams
                    + ") cannot exceed spool_weight_before_grams (" + m.spoolWeightBeforeGrams + ")");
        }
        if (estimatesChanged) {
            reservations.resize(run, m);
        }
        run.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return view(m);
    }

    public void delete(UUID runId, UUID materialId) {
        ProductionRun run = runs.lockInProgress(runId, "delete materials");
        ProductionRunMaterial m = find(run, materialId);
        reservations.release(m);
        m.delete();
        run.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    ProductionRunMaterial addTo(ProductionRun run, AddMaterial request) {
        ProductionRunMaterial m = new ProductionRunMaterial();
        m.id = UUID.randomUUID();
        m.runId = run.id;
        m.spoolId = request.spoolId();
        m.estimatedModelWeightGrams = request.estimatedModelWeightGrams();
        m.estimatedFlushedGrams = request.estimatedFlushedGrams() == null ? 0 : request.estimatedFlushedGrams();
        m.estimatedTowerGrams = request.estimatedTowerGrams() == null ? 0 : request.estimatedTowerGrams();
        m.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        Spool spool = inventory.spool(m.spoolId).orElseThrow(
                () -> ProductionRunException.badRequest("Spool " + m.spoolId + " not found in inventory"));
        catalog.keep(spool);
        m.materialType = spool.materialType() == null ? null : spool.materialType().code();
        m.color = spool.color();
        reservations.reserve(run, m);
        m.persist();
        run.updatedAt = m.createdAt;
        return m;
    }

    private static ProductionRunMaterial find(ProductionRun run, UUID materialId) {
        return ProductionRunMaterial.<ProductionRunMaterial>findByIdOptional(materialId)
                .filter(m -> m.runId.equals(run.id))
                .orElseThrow(() -> ProductionRunException.notFound("Material " + materialId
                        + " not found in production run " + run.runNumber));
    }

    private MaterialView view(ProductionRunMaterial m) {
        return mapper.toView(m, catalog.spool(m.spoolId));
    }
}
