package app.nozzly.inventory.orderskus.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.nozzly.inventory.orderskus.service.OrderSkuService;
import app.nozzly.platform.events.CloudEventCodec;
import app.nozzly.platform.events.InvalidEventException;
import app.nozzly.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;

/** Keeps which skus appear on orders from orders.events, once per event (module README, "Skus of models"). */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "inventory-orders";

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    CloudEventCodec codec;

    @Inject
    OrderSkuService orderSkus;

    @Incoming("inventory-orders")
    @Blocking
    public void on(String message) {
        idempotent.consume(CONSUMER, message, event -> {
            if (!OrderPayloads.CREATED.equals(event.type()) && !OrderPayloads.CHANGED.equals(event.type())) {
                return;
            }
            OrderPayloads.Order order = codec.data(event, OrderPayloads.Order.class);
            if (order.orderId() == null) {
                throw new InvalidEventException("event " + event.id() + " (" + event.type() + ") has no order_id");
            }
            OffsetDateTime seenAt = event.time() == null ? OffsetDateTime.now(ZoneOffset.UTC) : event.time();
            orderSkus.record(order, seenAt);
        });
    }
}
