package app.nozzly.inventory.spoolman.events;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;

import app.nozzly.inventory.spoolman.service.SpoolmanEvents;

/**
 * Spoolman's WebSocket change feeds: a connection hears its tenant's events of everything ({@code /api/v1/}), of
 * one resource ({@code /api/v1/spool}) or of one item ({@code /api/v1/spool/5}), as Spoolman's own server sends
 * them, whichever replica made the change. A revoked key's feeds are closed at once on every replica.
 */
@ApplicationScoped
public class SpoolmanSockets {

    static final UserData.TypedKey<String> TENANT = UserData.TypedKey.forString("spoolman-tenant");
    static final UserData.TypedKey<String> KEY = UserData.TypedKey.forString("spoolman-key");
    static final UserData.TypedKey<String> RESOURCE = UserData.TypedKey.forString("spoolman-resource");
    static final UserData.TypedKey<String> ITEM = UserData.TypedKey.forString("spoolman-item");
    static final Set<String> RESOURCES = Set.of("spool", "filament", "vendor", "setting");
    static final String HEALTHY = "{\"status\":\"healthy\"}";

    private static final Logger LOG = Logger.getLogger(SpoolmanSockets.class);

    @Inject
    OpenConnections connections;

    @Inject
    SpoolmanEvents events;

    void start(@Observes StartupEvent started) {
        events.listen(this::send);
        events.listenForRevocations(this::close);
    }

    void close(UUID key) {
        for (WebSocketConnection connection : connections) {
            if (key.toString().equals(connection.userData().get(KEY))) {
                LOG.infof("tenant %s: Spoolman key %s was revoked; its feed %s is closed",
                        connection.userData().get(TENANT), key, connection.id());
                connection.close().subscribe().with(closed -> { }, failure -> LOG.debugf(
                        "Spoolman feed %s did not close cleanly: %s", connection.id(), failure.getMessage()));
            }
        }
    }

    void send(String tenant, String resource, String id, String event) {
        for (WebSocketConnection connection : connections) {
            if (!tenant.equals(connection.userData().get(TENANT))) {
                continue;
            }
            String wanted = connection.userData().get(RESOURCE);
            String item = connection.userData().get(ITEM);
            if ((wanted == null || wanted.equals(resource)) && (item == null || item.equals(id))) {
                connection.sendText(event).subscribe().with(sent -> { }, failure -> LOG.debugf(
                        "tenant %s: Spoolman event not delivered on socket %s: %s", tenant, connection.id(),
                        failure.getMessage()));
            }
        }
    }
}
