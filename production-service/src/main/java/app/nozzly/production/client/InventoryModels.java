package app.nozzly.production.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
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

    /** A spool of filament (specs/000 materials). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Spool(UUID id, String spoolId, String brand, String color, String colorHex,
            MaterialType materialType, Double currentWeightGrams, Double reservedGrams, Double availableGrams,
            Double costPerGram, OffsetDateTime updatedAt) {
    }

    /** A printed model (specs/000 items). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Model(UUID id, String name, String sku, Double estimatedGramsPerUnit, OffsetDateTime updatedAt) {
    }

    /** A formulated product (specs/001 product_id). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Product(UUID id, String name, String sku, String unit) {
    }

    /** A raw material counted in g, kg, ml or L (specs/001 RecipeIngredient.material_id). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Material(UUID id, String code, String name, String unit, BigDecimal quantityAvailable) {
    }

    /** Why stock moves or is held: our run or batch. */
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

    /** One line of a movement; reservation_id converts a reservation, lot_number picks a lot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MovementLine(String itemType, UUID itemId, String kind, BigDecimal quantity, String unit,
            UUID reservationId, String lotNumber) {
    }

    /** Moves every line or none; the same idempotency key again answers the first movement. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MovementRequest(String idempotencyKey, Cause cause, String note, List<MovementLine> lines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LotUsed(String lotNumber, BigDecimal quantity) {
    }

    /** A moved line in the item's own unit; lots for materials and products. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MovedLine(String itemType, UUID itemId, String kind, BigDecimal quantity, String unit,
            BigDecimal balanceAfter, List<LotUsed> lots) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Movement(UUID id, String idempotencyKey, List<MovedLine> lines) {
    }

    /** A line of inventory's insufficient-stock problem. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ShortLine(UUID itemId, BigDecimal requested, BigDecimal available) {
    }

    /** inventory-service's RFC 9457 problem. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Problem(String type, String title, Integer status, String detail, List<ShortLine> lines) {
    }

    /** What an item lacked: the item (and its name when the caller knows it), what was asked, what there was. */
    public record Shortage(UUID itemId, String itemName, BigDecimal requested, BigDecimal available) {
    }
}
