package app.nozzly.production.runs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Request bodies of specs/000 (snake_case JSON), bounded by their columns (V1__production_runs.sql): texts by their
 * varchar lengths, notes to {@value #NOTES} characters, counts to int, grams to {@value #MAX_GRAMS} (a tonne).
 */
public final class RunRequests {

    static final int NOTES = 2000;
    static final String MAX_GRAMS = "1000000";

    private RunRequests() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateRun(@Size(max = 64) String runNumber, OffsetDateTime startedAt, @Size(max = NOTES) String notes,
            @NotNull List<@Valid @NotNull AddItem> items, @NotNull List<@Valid @NotNull AddMaterial> materials) {
    }

    /** A run for specs/002 orders (our extension): one item per order line, the other fields as in CreateRun. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateRunForOrders(@NotEmpty @Size(max = 100) List<@NotNull @Positive Long> orderIds,
            @Size(max = 64) String runNumber, OffsetDateTime startedAt, @Size(max = NOTES) String notes,
            List<@Valid @NotNull AddMaterial> materials) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateRun(@Size(max = NOTES) String notes, OffsetDateTime startedAt, OffsetDateTime completedAt) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AddItem(@NotNull UUID modelId, @NotNull @Min(1) Integer quantity) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateItem(@Min(1) Integer quantity) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AddMaterial(@NotNull UUID spoolId,
            @NotNull @PositiveOrZero @DecimalMax(MAX_GRAMS) Double estimatedModelWeightGrams,
            @PositiveOrZero @DecimalMax(MAX_GRAMS) Double estimatedFlushedGrams,
            @PositiveOrZero @DecimalMax(MAX_GRAMS) Double estimatedTowerGrams) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateMaterial(@PositiveOrZero @DecimalMax(MAX_GRAMS) Double estimatedModelWeightGrams,
            @PositiveOrZero @DecimalMax(MAX_GRAMS) Double estimatedFlushedGrams,
            @PositiveOrZero @DecimalMax(MAX_GRAMS) Double estimatedTowerGrams,
            @PositiveOrZero @DecimalMax(MAX_GRAMS) Double spoolWeightBeforeGrams,
            @PositiveOrZero @DecimalMax(MAX_GRAMS) Double spoolWeightAfterGrams,
            @PositiveOrZero @DecimalMax(MAX_GRAMS) Double actualModelWeightGrams,
            @PositiveOrZero @DecimalMax(MAX_GRAMS) Double actualFlushedGrams,
            @PositiveOrZero @DecimalMax(MAX_GRAMS) Double actualTowerGrams) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SpoolGrams(@NotNull UUID spoolId, @NotNull @Positive @DecimalMax(MAX_GRAMS) Double grams) {
    }

    /** specs/000 "Cancel Modes". */
    @EnumNaming(SpecEnumNaming.class)
    public enum CancelMode implements WireEnum {
        FULL_REVERSAL,
        RECORD_PARTIAL
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CancelRun(CancelMode cancelMode, @Size(max = 100) List<@Valid @NotNull SpoolGrams> partialUsage) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FailRun(@NotBlank @Size(max = 64) String failureReason,
            @Size(max = 100) List<@Valid @NotNull SpoolGrams> wasteMaterials, @Size(max = NOTES) String notes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreatePlate(@Min(1) Integer plateNumber, @NotNull UUID modelId, UUID printerId,
            @Min(1) Integer copiesPerPlate, @PositiveOrZero Integer estimatedPrintTimeMinutes,
            @Size(max = NOTES) String notes, @Size(max = 255) String fileName) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdatePlate(@Min(1) Integer plateNumber, UUID modelId, UUID printerId, @Min(1) Integer copiesPerPlate,
            @PositiveOrZero Integer estimatedPrintTimeMinutes, @Size(max = NOTES) String notes,
            @Size(max = 255) String fileName) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CompletePlate(@NotNull @PositiveOrZero Integer successfulPrints,
            @PositiveOrZero Integer failedPrints, @Size(max = NOTES) String notes) {
    }
}
