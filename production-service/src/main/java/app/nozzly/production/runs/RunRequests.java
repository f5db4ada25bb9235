package app.nozzly.production.runs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Request bodies of specs/000 (snake_case JSON). Absent fields are null; the services check them. */
public final class RunRequests {

    private RunRequests() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateRun(String runNumber, OffsetDateTime startedAt, String notes, List<AddItem> items,
            List<AddMaterial> materials) {
    }

    /** A run for specs/002 orders (our extension): one item per order line, the other fields as in CreateRun. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateRunForOrders(List<Long> orderIds, String runNumber, OffsetDateTime startedAt, String notes,
            List<AddMaterial> materials) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateRun(String notes, OffsetDateTime startedAt, OffsetDateTime completedAt) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AddItem(UUID modelId, Integer quantity) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateItem(Integer quantity) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AddMaterial(UUID spoolId, Double estimatedModelWeightGrams, Double estimatedFlushedGrams,
            Double estimatedTowerGrams) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateMaterial(Double estimatedModelWeightGrams, Double estimatedFlushedGrams,
            Double estimatedTowerGrams, Double spoolWeightBeforeGrams, Double spoolWeightAfterGrams,
            Double actualModelWeightGrams, Double actualFlushedGrams, Double actualTowerGrams) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SpoolGrams(UUID spoolId, Double grams) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CancelRun(String cancelMode, List<SpoolGrams> partialUsage) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FailRun(String failureReason, List<SpoolGrams> wasteMaterials, String notes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreatePlate(Integer plateNumber, UUID modelId, UUID printerId, Integer copiesPerPlate,
            Integer estimatedPrintTimeMinutes, String notes, String fileName) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdatePlate(Integer plateNumber, UUID modelId, UUID printerId, Integer copiesPerPlate,
            Integer estimatedPrintTimeMinutes, String notes, String fileName) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CompletePlate(Integer successfulPrints, Integer failedPrints, String notes) {
    }
}
