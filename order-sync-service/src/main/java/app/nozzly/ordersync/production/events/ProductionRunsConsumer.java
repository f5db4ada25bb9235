package app.nozzly.ordersync.production.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.nozzly.ordersync.production.service.ProductionTracking;
import app.nozzly.platform.events.CloudEventCodec;
import app.nozzly.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;

/** production.runs (asyncapi.yaml): orders follow the runs made for them; each event counts once. */
@ApplicationScoped
public class ProductionRunsConsumer {

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    CloudEventCodec codec;

    @Inject
    ProductionTracking tracking;

    @Incoming("ordersync-production-runs")
    @Blocking
    public void on(String message) {
        idempotent.consume("ordersync-production-runs", message, event -> {
            switch (event.type()) {
                case "production.run.created" -> tracking.created(codec.data(event, RunPayloads.Run.class));
                case "production.run.completed" -> tracking.completed(codec.data(event, RunPayloads.Run.class));
                case "production.run.failed" -> tracking.ended(codec.data(event, RunPayloads.Run.class),
                        RunPayloads.FAILED);
                case "production.run.cancelled" -> tracking.ended(codec.data(event, RunPayloads.Run.class),
                        RunPayloads.CANCELLED);
                case "production.plate.changed" -> tracking.plateChanged(codec.data(event, RunPayloads.Plate.class));
                default -> {
                    // other production facts do not concern orders
                }
            }
        });
    }
}
