package app.nozzly.ordersync.analytics.events;

import java.math.BigDecimal;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import app.nozzly.ordersync.analytics.repository.ReadModel;
import app.nozzly.platform.events.CloudEventCodec;
import app.nozzly.platform.events.InvalidEventException;
import app.nozzly.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps the dashboard's read model: finished and failed print jobs (printer.jobs) for its print figures, each
 * stock item's balance and low-stock flag (inventory.stock) for its material figures.
 */
@ApplicationScoped
public class DashboardConsumer {

    /** Our tolerant copy of printer-service's job payload. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JobPayload(Long jobId, String printerId, String status, BigDecimal filamentUsedGrams) {
    }

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

    @Incoming("printer-jobs")
    @Blocking
    public void onPrintJob(String message) {
        idempotent.consume("ordersync-printer-jobs", message, event -> {
            String outcome = switch (event.type()) {
                case "printer.job.finished" -> "finished";
                case "printer.job.failed" -> "failed";
                default -> null;
            };
            if (outcome == null) {
                return;
            }
            JobPayload job = codec.data(event, JobPayload.class);
            String jobId = job.jobId() != null ? String.valueOf(job.jobId()) : event.subject() + ":" + event.id();
            readModel.printJob(event.tenant(), jobId, job.printerId() != null ? job.printerId() : event.subject(),
                    outcome, job.filamentUsedGrams() == null ? BigDecimal.ZERO : job.filamentUsedGrams());
        });
    }

    /** Every stock movement is an event here: consumed in batches, one commit for many. */
    @Incoming("inventory-stock")
    @Blocking
    public CompletionStage<Void> onStock(KafkaRecordBatch<String, String> batch) {
        return idempotent.consumeBatch("ordersync-inventory-stock", batch, event -> {
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
