package app.nozzly.production.process.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.platform.events.CloudEvent;
import app.nozzly.platform.events.CloudEventCodec;
import app.nozzly.platform.events.InvalidEventException;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.Blocking;

/**
 * Pushes committed production.process events to this replica's WebSocket clients of the event's tenant.
 * Every replica reads the whole topic (its own consumer group), so a client sees every event whatever
 * replica made it; per-key order on Kafka and one sequential consumer keep one batch's changes in order.
 */
@ApplicationScoped
public class ProcessEventFanOut {

    private static final Logger LOG = Logger.getLogger(ProcessEventFanOut.class);

    // events older than this replica were meant for clients connected before it existed
    private final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);

    @Inject
    OpenConnections connections;

    @Inject
    CloudEventCodec codec;

    @Inject
    ObjectMapper mapper;

    @Incoming("production-process-live")
    @Blocking
    public void on(String message) {
        CloudEvent event;
        try {
            event = codec.parse(message);
        } catch (InvalidEventException e) {
            LOG.warnf("production.process message skipped by the live feed: %s", e.getMessage());
            return;
        }
        String name = ProcessEvents.WEBSOCKET_NAMES.get(event.type());
        if (name == null || event.time() == null || event.time().isBefore(startedAt)) {
            return;
        }
        String text = render(name, event);
        for (WebSocketConnection connection : connections.findByEndpointId(ProcessWebSocket.ENDPOINT_ID)) {
            if (event.tenant().equals(connection.userData().get(ProcessWebSocket.TENANT)) && connection.isOpen()) {
                try {
                    connection.sendTextAndAwait(text);
                } catch (RuntimeException e) {
                    LOG.debugf("socket %s of tenant %s gone while sending %s: %s", connection.id(), event.tenant(),
                            event.type(), e.getMessage());
                }
            }
        }
    }

    private String render(String name, CloudEvent event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("event", name);
        message.put("data", event.data());
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.id() + " cannot be rendered", e);
        }
    }
}
