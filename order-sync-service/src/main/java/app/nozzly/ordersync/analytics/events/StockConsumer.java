package app.nozzly.ordersync.analytics.events;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import app.nozzly.ordersync.analytics.repository.ReadModel;
import app.nozzly.platform.events.CloudEventCodec;
import app.nozzly.platform.events.InvalidEventException;
import app.nozzly.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;

/** Keeps each stock item's balance and low-stock flag (inventory.stock) for the dashboard's material figures. */
@ApplicationScoped
public class StockConsumer {

    /** Our tolerant copy of inventory.stock.moved. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StockMoved(String itemType, String itemId, String kind, BigDecimal quantity, String unit,
            BigDecimal balanceAfter) {
    }

    /** Our tolerant copy of inventory.stock.low. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StockLow(String itemType, String itemId, BigDecimal current, BigDecimal threshold) {
    }

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    CloudEventCodec codec;

    @Inject
    ReadModel readModel;

    @Incoming("inventory-stock")
    @Blocking
    public void on(String message) {
        idempotent.consume("ordersync-inventory-stock", message, event -> {
            switch (event.type()) {
                case "inventory.stock.moved" -> {
                    StockMoved moved = codec.data(event, StockMoved.class);
                    requireItem(moved.itemType(), moved.itemId(), event.id());
                    if (moved.balanceAfter() == null) {
                        throw new InvalidEventException("stock event " + event.id() + " has no balance_after");
                    }
                    readModel.stockMoved(event.tenant(), moved.itemType(), moved.itemId(), moved.balanceAfter(),
                            moved.unit());
                }
                case "inventory.stock.low" -> {
                    StockLow low = codec.data(event, StockLow.class);
                    requireItem(low.itemType(), low.itemId(), event.id());
                    readModel.stockLow(event.tenant(), low.itemType(), low.itemId(),
                            low.current() == null ? BigDecimal.ZERO : low.current(), low.threshold());
                }
                default -> {
                    // other inventory events do not move the dashboard
                }
            }
        });
    }

    private static void requireItem(String type, String id, String eventId) {
        if (type == null || id == null) {
            throw new InvalidEventException("stock event " + eventId + " names no item_type/item_id");
        }
    }
}
