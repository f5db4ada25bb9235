package app.nozzly.production.runs.client;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Our own copies of the inventory-service contract's JSON documents (tolerant reader: unknown fields ignored). */
public final class InventoryModels {

    private InventoryModels() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MaterialType(String code, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Spool(UUID id, String spoolId, String brand, String color, String colorHex,
            MaterialType materialType, Double currentWeightGrams, Double reservedGrams, Double availableGrams,
            Double costPerGram) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Model(UUID id, String name, String sku, Double estimatedGramsPerUnit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Cause(String type, String id, String ref) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReservationRequest(String idempotencyKey, UUID spoolId, double grams, Cause cause) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReservationAdjustment(double grams) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Reservation(UUID id, UUID spoolId, Double grams, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MovementLine(String itemType, UUID itemId, String kind, double quantity, String unit,
            UUID reservationId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MovementRequest(String idempotencyKey, Cause cause, String note, List<MovementLine> lines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MovedLine(String itemType, UUID itemId, String kind, Double quantity, String unit,
            Double balanceAfter) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Movement(UUID id, String idempotencyKey, List<MovedLine> lines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ShortLine(String itemId, Double requested, Double available) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Problem(String type, String title, Integer status, String detail, List<ShortLine> lines) {
    }
}
