package app.nozzly.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.nozzly.platform.events.CloudEvent;
import app.nozzly.platform.events.CloudEventCodec;
import app.nozzly.platform.persistence.TransactionEnd;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * Transactional outbox: an event is a row written in the caller's transaction, so it exists exactly
 * when the state change it announces does. {@link OutboxRelay} publishes it after commit.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_KEY = new Object();

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    CloudEventCodec codec;

    @Inject
    TransactionSynchronizationRegistry txRegistry;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /**
     * The start of the statement that stores events: {@code id, tenant_id, topic, message_key, type, envelope}, for a
     * caller that inserts {@link #stage staged} events in a statement of its own.
     */
    public static final String INSERT = "insert into outbox_event (id, tenant_id, topic, message_key, type, envelope)";

    /** An event ready to be stored: its envelope as JSON. */
    public record Staged(CloudEvent event, String envelope) {
    }

    /**
     * Records an event of the current tenant in the current transaction.
     *
     * @param topic Kafka topic
     * @param key aggregate id; also the message key, so one aggregate's events stay in order
     * @param type CloudEvents type, e.g. {@code inventory.stock.moved}
     * @param data payload, serialized as the envelope's {@code data}
     * @return the event as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String key, String type, Object data) {
        Staged staged = stage(type, key, data);
        em.createNativeQuery(INSERT + " values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))")
                .setParameter(1, UUID.fromString(staged.event().id()))
                .setParameter(2, staged.event().tenant())
                .setParameter(3, topic)
                .setParameter(4, key)
                .setParameter(5, type)
                .setParameter(6, staged.envelope())
                .executeUpdate();
        return staged.event();
    }

    /**
     * Prepares an event of the current tenant whose row the caller inserts in this transaction, with
     * {@link #INSERT}, in a statement that writes more than the event (one round trip where a row lock is held);
     * the relay is woken when the transaction commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Staged stage(String type, String key, Object data) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/" + source, type,
                OffsetDateTime.now(ZoneOffset.UTC), key, tenants.require(), "application/json", codec.toTree(data));
        wakeRelayAfterCommit();
        return new Staged(event, codec.write(event));
    }

    private void wakeRelayAfterCommit() {
        if (txRegistry.getResource(WAKE_KEY) != null) {
            return;
        }
        txRegistry.putResource(WAKE_KEY, Boolean.TRUE);
        TransactionEnd.afterCommit(txRegistry, relay::wakeUp);
    }
}
