package app.nozzly.ordersync.production.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Our tolerant copy of production-service's production.runs payloads (asyncapi.yaml). */
public final class RunPayloads {

    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    private RunPayloads() {
    }

    /** A run item; order_id and order_item_id are set when the run was created for orders. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Item(UUID itemId, UUID modelId, Integer quantity, Integer successfulUnits, Long orderId,
            Long orderItemId, BigDecimal costOfGoods) {
    }

    /** production.run.created, .completed, .failed, .cancelled. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Run(UUID runId, String runNumber, String status, List<Item> items) {

        public List<Item> itemsOrEmpty() {
            return items == null ? List.of() : items;
        }
    }

    /** production.plate.changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Plate(UUID runId, String runNumber, UUID plateId, String status, String change) {
    }
}
