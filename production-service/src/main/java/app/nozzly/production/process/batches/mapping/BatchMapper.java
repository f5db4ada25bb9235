package app.nozzly.production.process.batches.mapping;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.production.process.batches.Batch;
import app.nozzly.production.process.batches.BatchApi.BatchView;
import app.nozzly.production.process.quality.QualityMetric;
import app.nozzly.production.process.quality.QualityMetricApi.QualityMetricView;
import app.nozzly.production.process.quality.mapping.QualityMetricMapper;
import app.nozzly.production.process.recipes.Recipe;
import app.nozzly.production.process.recipes.mapping.RecipeMapper;
import io.quarkus.panache.common.Sort;

/** Batch entity -> specs/001 Batch, with its recipe and quality metrics embedded as the spec shows them. */
@ApplicationScoped
public class BatchMapper {

    @Inject
    RecipeMapper recipes;

    @Inject
    QualityMetricMapper metrics;

    public BatchView toView(Batch b) {
        Recipe recipe = Recipe.findById(b.recipeId);
        List<QualityMetricView> measured = QualityMetric.<QualityMetric>list("batchId", Sort.by("testDate").and("id"),
                b.id).stream().map(metrics::toView).toList();
        return new BatchView(b.id, b.productId, b.productName, b.quantity, b.targetQuantity, b.status, b.startTime,
                b.estimatedCompletion, b.actualCompletion, recipe == null ? null : recipes.toView(recipe), measured,
                b.productionOrderId, b.batchNumber, b.operatorId, b.supervisorId, b.reactorId, b.priority, b.notes,
                b.qualityCheck, b.failureReason, b.createdAt, b.updatedAt);
    }
}
