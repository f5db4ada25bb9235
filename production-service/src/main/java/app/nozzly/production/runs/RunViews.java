package app.nozzly.production.runs;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Response bodies of specs/000 (snake_case JSON; the spec's fields first, our additions after them). */
public final class RunViews {

    private RunViews() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RunSummary(UUID id, String runNumber, String status, OffsetDateTime startedAt,
            OffsetDateTime completedAt, Double durationHours, String notes, OffsetDateTime createdAt) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RunPage(long total, int skip, int limit, List<RunSummary> runs) {
    }

    /**
     * A run with its items and materials. material_cost is grams x cost per gram of every deducted gram (model,
     * purge, tower and waste); material_cost_per_unit spreads it over the successful units.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RunDetail(UUID id, String runNumber, String status, OffsetDateTime startedAt,
            OffsetDateTime completedAt, Double durationHours, Double actualTotalFilamentGrams, String notes,
            List<ItemView> items, List<MaterialView> materials, String failureReason, String cancelMode,
            Double estimatedMaterialCost, Double materialCost, Integer successfulUnits, Integer failedUnits,
            Double materialCostPerUnit, OffsetDateTime createdAt, OffsetDateTime updatedAt, CostView cost) {
    }

    /**
     * Cost of goods of a completed run (our addition to specs/000 "Complete Production Run"), money with 2 decimals:
     * material (consumed and waste grams at the spool's cost per gram) plus machine hours x the hourly printer cost.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CostView(BigDecimal materialCost, Double wasteGrams, Double machineHours, BigDecimal machineCost,
            BigDecimal costOfGoods) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ModelRef(UUID id, String name, String sku) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ItemView(UUID id, UUID modelId, int quantity, ModelRef model, int successfulQuantity,
            int failedQuantity, Long orderId, Long orderItemId, BigDecimal costOfGoods) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MaterialTypeRef(String code, String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SpoolRef(UUID id, String spoolId, String brand, String color, MaterialTypeRef materialType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MaterialView(UUID id, UUID spoolId, double estimatedModelWeightGrams, double estimatedFlushedGrams,
            double estimatedTowerGrams, Double actualModelWeightGrams, Double spoolWeightBeforeGrams,
            Double spoolWeightAfterGrams, SpoolRef spool, Double actualFlushedGrams, Double actualTowerGrams,
            double estimatedTotalGrams, Double actualTotalGrams, String usageMethod, Double deductedGrams,
            Double costPerGram, Double materialCost, UUID reservationId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PlateView(UUID id, UUID runId, int plateNumber, UUID modelId, UUID printerId, int copiesPerPlate,
            Integer estimatedPrintTimeMinutes, String status, Integer successfulPrints, Integer failedPrints,
            OffsetDateTime startedAt, OffsetDateTime completedAt, String notes, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, String jobName, String fileName) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PlatePage(long total, int skip, int limit, List<PlateView> plates) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FailureReason(String value, String label, String description) {
    }
}
