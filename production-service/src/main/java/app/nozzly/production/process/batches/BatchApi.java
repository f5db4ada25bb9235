package app.nozzly.production.process.batches;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.production.process.quality.QualityMetricApi.QualityMetricView;
import app.nozzly.production.process.recipes.RecipeApi.RecipeView;
import app.nozzly.production.support.Priority;

/** specs/001 "Gestión de Batches" records; litres are numeric(12, 3) like their columns (V20). */
public final class BatchApi {

    private BatchApi() {
    }

    /** StartBatch (POST /reactors/{id}/start-batch); supervisor_id is an optional extension. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StartBatch(
            @NotNull UUID productId,
            @NotNull @Positive @Digits(integer = 9, fraction = 3) BigDecimal targetQuantity,
            @NotNull UUID recipeId,
            @NotNull UUID productionOrderId,
            @NotNull UUID operatorId,
            @NotNull Priority priority,
            @Size(max = 2000) String notes,
            @Size(max = 200) String supervisorId) {
    }

    /**
     * PUT /batches/{id}/status (extension): the end of processing. in_progress -> quality_check with the
     * litres produced, or -> failed with a reason. completed is reached only through the quality check.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BatchStatusUpdate(
            @NotNull BatchStatus status,
            @Positive @Digits(integer = 9, fraction = 3) BigDecimal quantity,
            @Size(max = 2000) String reason,
            @Size(max = 2000) String notes) {
    }

    /** Batch, plus reactor_id, priority, notes, the recorded quality check and failure reason. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BatchView(
            UUID id,
            UUID productId,
            String productName,
            BigDecimal quantity,
            BigDecimal targetQuantity,
            BatchStatus status,
            OffsetDateTime startTime,
            OffsetDateTime estimatedCompletion,
            OffsetDateTime actualCompletion,
            RecipeView recipe,
            List<QualityMetricView> qualityMetrics,
            UUID productionOrderId,
            String batchNumber,
            UUID operatorId,
            String supervisorId,
            UUID reactorId,
            Priority priority,
            String notes,
            QualityCheck qualityCheck,
            String failureReason,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    /** A material lot in a batch. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IngredientLot(UUID materialId, String materialName, String lotNumber, BigDecimal quantity,
            String unit) {
    }

    /** GET /batches/{id}/traceability: which lots went into the batch. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BatchTraceability(UUID batchId, String batchNumber, UUID productId, String productName,
            BatchStatus status, String inventoryMovementId, List<IngredientLot> ingredients) {
    }

    /** A batch that used a lot. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LotUse(UUID batchId, String batchNumber, UUID productId, String productName, BatchStatus status,
            UUID materialId, String materialName, BigDecimal quantity, String unit, OffsetDateTime startTime) {
    }

    /** GET /traceability/lots/{lotNumber}: every batch that used the lot. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LotTraceability(String lotNumber, List<LotUse> batches) {
    }
}
