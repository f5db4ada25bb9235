package app.nozzly.production.process.inventory;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Our copies (tolerant reader) of the inventory-service contract's records that batches need. */
public final class InventoryApi {

    private InventoryApi() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Product(String id, String name, String sku, String unit, String category) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Material(String id, String code, String name, String unit, BigDecimal quantityAvailable) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Cause(String type, String id, String ref) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MovementLine(String itemType, String itemId, String kind, BigDecimal quantity, String unit,
            String lotNumber) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MovementRequest(String idempotencyKey, Cause cause, String note, List<MovementLine> lines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LotUsed(String lotNumber, BigDecimal quantity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MovedLine(String itemType, String itemId, String kind, BigDecimal quantity, String unit,
            BigDecimal balanceAfter, List<LotUsed> lots) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Movement(String id, String idempotencyKey, List<MovedLine> lines) {
    }

    /** A line of the insufficient-stock problem: what we asked and what there was. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Shortage(String itemId, BigDecimal requested, BigDecimal available) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String type, String title, Integer status, String detail, List<Shortage> lines) {
    }
}
