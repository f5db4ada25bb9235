package app.nozzly.printer.notifications.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.nozzly.platform.events.CloudEventCodec;
import app.nozzly.platform.inbox.IdempotentConsumer;
import app.nozzly.printer.notifications.service.NotificationService;
import app.nozzly.printer.ws.SystemAlerts;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Chain contract C5: low stock of an item that open production runs reserved becomes a {@code low_stock} webhook
 * notification (and a /ws system_alert); low stock nobody waits for is inventory's own business.
 */
@ApplicationScoped
public class LowStockConsumer {

    static final String CONSUMER = "printer-inventory-stock";

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    CloudEventCodec codec;

    @Inject
    NotificationService notifications;

    @Inject
    SystemAlerts alerts;

    /** Every stock movement is an event on this topic, and nearly all concern nobody here: batches, one commit. */
    @Incoming("printer-inventory-stock")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return idempotent.consumeBatch(CONSUMER, batch, event -> {
            if (!LowStock.TYPE.equals(event.type())) {
                return;
            }
            LowStock low = codec.data(event, LowStock.class);
            if (!low.reservedByOpenRuns()) {
                return;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("item_type", low.itemType());
            data.put("item_id", low.itemId());
            data.put("spool_id", low.spoolId());
            data.put("current", low.current());
            data.put("threshold", low.threshold());
            data.put("unit", low.unit());
            data.put("reserved", low.reserved());
            data.put("reservations", low.reservations() == null ? List.of() : low.reservations());
            notifications.enqueueForTenant(NotificationService.LOW_STOCK, data);
            alerts.send(event.tenant(), "warning", "LOW_STOCK", "stock of " + (low.spoolId() != null
                    ? "spool " + low.spoolId() : "item " + low.itemId()) + " is at " + low.current() + " "
                    + (low.unit() == null ? "" : low.unit()) + ", below " + low.threshold() + ", with "
                    + low.reserved() + " reserved by open runs", null, data);
        });
    }
}
