package app.nozzly.inventory.orderskus.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Our tolerant copy of order-sync-service's order.created / order.changed payloads (asyncapi.yaml, orders.events). */
public final class OrderPayloads {

    public static final String CREATED = "order.created";
    public static final String CHANGED = "order.changed";

    private OrderPayloads() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Item(Long orderItemId, String sku, String title, Integer quantity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Order(Long orderId, List<Item> items) {
    }
}
