package app.nozzly.platform;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import app.nozzly.platform.events.CloudEvent;
import app.nozzly.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

@ApplicationScoped
public class WidgetStockConsumer {

    /** How often each event has met the database away; an event's data may ask for that many outages first. */
    static final Map<String, AtomicInteger> OUTAGES = new ConcurrentHashMap<>();

    @Inject
    IdempotentConsumer idempotent;

    @Incoming("widget-commands")
    @Blocking
    public void onCommand(String message) {
        idempotent.consume("widget-stock", message, WidgetStockConsumer::apply);
    }

    /** The same commands, as a channel consumed in batches. */
    @Incoming("widget-batches")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return idempotent.consumeBatch("widget-stock-batches", batch, WidgetStockConsumer::apply);
    }

    private static void apply(CloudEvent event) {
        JsonNode away = event.data().get("database_away_times");
        if (away != null && OUTAGES.computeIfAbsent(event.id(), id -> new AtomicInteger())
                .getAndIncrement() < away.asInt()) {
            throw new PersistenceException("could not open a connection", new SQLException(
                    "Connection to localhost:5432 refused", "08001"));
        }
        Widget widget = Widget.findById(UUID.fromString(event.subject()));
        widget.stock += event.data().get("amount").asInt();
    }
}
