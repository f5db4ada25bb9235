package app.nozzly.printer.queue.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.nozzly.platform.events.CloudEventCodec;
import app.nozzly.platform.inbox.IdempotentConsumer;
import app.nozzly.printer.queue.service.QueueService;
import io.smallrye.common.annotation.Blocking;

/** Chain contract C5: plates production assigns to printers become scheduled prints in those printers' queues. */
@ApplicationScoped
public class PlateEventConsumer {

    static final String CONSUMER = "printer-production-runs";

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    CloudEventCodec codec;

    @Inject
    QueueService queue;

    @Incoming("printer-production-runs")
    @Blocking
    public void on(String message) {
        idempotent.consume(CONSUMER, message, event -> {
            if (PlateChanged.TYPE.equals(event.type())) {
                queue.followPlate(codec.data(event, PlateChanged.class));
            }
        });
    }
}
