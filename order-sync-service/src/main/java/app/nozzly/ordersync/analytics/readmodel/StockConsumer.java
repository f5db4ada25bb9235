package app.nozzly.ordersync.analytics.readmodel;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

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
    EntityManager em;

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
                    // a balance back above the item's threshold ends its low-stock alert
                    em.createNativeQuery("insert into stock_item_state (tenant_id, item_type, item_id, balance, unit,"
                            + " low, updated_at) values (?1, ?2, ?3, ?4, ?5, false, now())"
                            + " on conflict (tenant_id, item_type, item_id) do update set balance = excluded.balance,"
                            + " unit = coalesce(excluded.unit, stock_item_state.unit), updated_at = now(),"
                            + " low = stock_item_state.low and stock_item_state.low_threshold is not null"
                            + " and excluded.balance <= stock_item_state.low_threshold")
                            .setParameter(1, event.tenant())
                            .setParameter(2, moved.itemType())
                            .setParameter(3, moved.itemId())
                            .setParameter(4, moved.balanceAfter())
                            .setParameter(5, moved.unit())
                            .executeUpdate();
                }
                case "inventory.stock.low" -> {
                    StockLow low = codec.data(event, StockLow.class);
                    requireItem(low.itemType(), low.itemId(), event.id());
                    em.createNativeQuery("insert into stock_item_state (tenant_id, item_type, item_id, balance,"
                            + " low_threshold, low, updated_at) values (?1, ?2, ?3, ?4, ?5, true, now())"
                            + " on conflict (tenant_id, item_type, item_id) do update set low = true,"
                            + " low_threshold = excluded.low_threshold, balance = excluded.balance, updated_at = now()")
                            .setParameter(1, event.tenant())
                            .setParameter(2, low.itemType())
                            .setParameter(3, low.itemId())
                            .setParameter(4, low.current() == null ? BigDecimal.ZERO : low.current())
                            .setParameter(5, low.threshold())
                            .executeUpdate();
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
