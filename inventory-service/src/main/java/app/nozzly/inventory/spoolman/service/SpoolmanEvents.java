package app.nozzly.inventory.spoolman.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.SpoolmanTimes;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * Spoolman's change events ({@code {"type","resource","date","payload"}}) of this replica, handed to the
 * WebSocket feeds once the change is committed, as Spoolman sends them after its commit.
 */
@ApplicationScoped
public class SpoolmanEvents {

    /** Who hears an event: the tenant it belongs to, its resource and id, and the event's JSON. */
    public interface Listener {
        void changed(String tenant, String resource, String id, String event);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    TenantContext tenants;

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /** Announces a change of the current transaction once it commits. */
    public void changed(String resource, Object id, String type, ObjectNode payload) {
        String tenant = tenants.require();
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("type", type);
        event.put("resource", resource);
        event.put("date", SpoolmanTimes.format(SpoolmanTimes.now()));
        event.set("payload", payload);
        String json = event.toString();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit: events describe committed changes only
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    listeners.forEach(listener -> listener.changed(tenant, resource, String.valueOf(id), json));
                }
            }
        });
    }
}
