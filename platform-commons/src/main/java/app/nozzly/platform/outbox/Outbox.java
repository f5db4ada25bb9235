package app.nozzly.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.nozzly.platform.events.CloudEvent;
import app.nozzly.platform.events.CloudEventCodec;
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
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/" + source, type,
                OffsetDateTime.now(ZoneOffset.UTC), key, tenants.require(), "application/json", codec.toTree(data));
        em.createNativeQuery("insert into outbox_event (id, tenant_id, topic, message_key, type, envelope)"
                + " values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))")
                .setParameter(1, UUID.fromString(event.id()))
                .setParameter(2, event.tenant())
                .setParameter(3, topic)
                .setParameter(4, key)
                .setParameter(5, type)
                .setParameter(6, codec.write(event))
                .executeUpdate();
        wakeRelayAfterCommit();
        return event;
    }

    private void wakeRelayAfterCommit() {
        if (txRegistry.getResource(WAKE_KEY) != null) {
            return;
        }
        txRegistry.putResource(WAKE_KEY, Boolean.TRUE);
        txRegistry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare: the row is already part of the transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
