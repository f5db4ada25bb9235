package app.nozzly.inventory.spoolman.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.SpoolmanTimes;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * Spoolman's change events ({@code {"type","resource","date","payload"}}), heard by the WebSocket feeds of every
 * replica once the change is committed, as Spoolman sends them after its commit: each goes out through Postgres'
 * NOTIFY in the changing transaction (delivered at its commit, never on rollback), and every replica LISTENs
 * (SpoolmanBroadcast). Revoked keys go the same way, so every replica closes their open feeds at once.
 */
@ApplicationScoped
public class SpoolmanEvents {

    /** The channel of change events: {"tenant","resource","id","event"}. */
    static final String CHANGES = "spoolman_changes";
    /** The channel of revoked keys: the key's id. */
    static final String REVOCATIONS = "spoolman_revocations";
    /** Postgres refuses a NOTIFY payload of 8000 bytes or more. */
    private static final int MAX_PAYLOAD = 7900;

    private static final Logger LOG = Logger.getLogger(SpoolmanEvents.class);

    /** Who hears an event: the tenant it belongs to, its resource and id, and the event's JSON. */
    public interface Listener {
        void changed(String tenant, String resource, String id, String event);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<UUID>> revocationListeners = new CopyOnWriteArrayList<>();

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TenantContext tenants;

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    public void listenForRevocations(Consumer<UUID> listener) {
        revocationListeners.add(listener);
    }

    /** Announces a change of the current transaction to every replica once it commits. */
    public void changed(String resource, Object id, String type, ObjectNode payload) {
        String tenant = tenants.require();
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("type", type);
        event.put("resource", resource);
        event.put("date", SpoolmanTimes.format(SpoolmanTimes.now()));
        event.set("payload", payload);
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("tenant", tenant);
        envelope.put("resource", resource);
        envelope.put("id", String.valueOf(id));
        envelope.put("event", event.toString());
        String notification = envelope.toString();
        int size = notification.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_PAYLOAD) {
            LOG.warnf("tenant %s: the Spoolman %s event of %s %s is too large for the feeds (%d bytes); not sent",
                    tenant, type, resource, id, size);
            return;
        }
        notify(CHANGES, notification);
    }

    /** Announces a revoked key to every replica once the revocation commits. */
    public void revoked(UUID key) {
        notify(REVOCATIONS, key.toString());
    }

    private void notify(String channel, String payload) {
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, channel).setParameter(2, payload)
                .getSingleResult();
    }

    /** What a replica heard on a channel, handed to its listeners. */
    void heard(String channel, String payload) {
        if (REVOCATIONS.equals(channel)) {
            UUID key = UUID.fromString(payload);
            revocationListeners.forEach(listener -> listener.accept(key));
            return;
        }
        ObjectNode envelope;
        try {
            envelope = (ObjectNode) json.readTree(payload);
        } catch (IOException e) {
            LOG.warnf("a Spoolman change notification could not be read: %s", e.getMessage());
            return;
        }
        String tenant = envelope.path("tenant").asText();
        String resource = envelope.path("resource").asText();
        String id = envelope.path("id").asText();
        String event = envelope.path("event").asText();
        listeners.forEach(listener -> listener.changed(tenant, resource, id, event));
    }
}
