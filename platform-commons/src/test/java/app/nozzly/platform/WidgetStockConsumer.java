package app.nozzly.platform;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.nozzly.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;

@ApplicationScoped
public class WidgetStockConsumer {

    @Inject
    IdempotentConsumer idempotent;

    @Incoming("widget-commands")
    @Blocking
    public void onCommand(String message) {
        idempotent.consume("widget-stock", message, event -> {
            Widget widget = Widget.findById(UUID.fromString(event.subject()));
            widget.stock += event.data().get("amount").asInt();
        });
    }
}
