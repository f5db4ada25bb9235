package app.nozzly.platform.inbox;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import app.nozzly.platform.errors.DatabaseProblems;
import app.nozzly.platform.events.CloudEvent;
import app.nozzly.platform.events.CloudEventCodec;
import app.nozzly.platform.events.InvalidEventException;
import app.nozzly.platform.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies an event's effect at most once per consumer: the processed-event row and the effect commit
 * in one transaction, as the event's tenant. A redelivered event finds its row and changes nothing.
 * The database away (or busy) is waited out however long it lasts, the event kept and the partition held, since
 * a valid event must never be dead-lettered for an outage; any other failure is retried a few times, and a message
 * that can never be processed is rethrown, so the channel's dead-letter strategy takes it and the consumer moves on.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    CloudEventCodec codec;

    @Inject
    ConsumerConfig config;

    /**
     * Parses a raw Kafka value and applies {@code effect} once; an unparseable message throws
     * {@link app.nozzly.platform.events.InvalidEventException} so the channel dead-letters it.
     *
     * @return false when the event had already been processed
     */
    @ActivateRequestContext
    public boolean consume(String consumer, String rawMessage, Consumer<CloudEvent> effect) {
        return consume(consumer, codec.parse(rawMessage), effect);
    }

    @ActivateRequestContext
    public boolean consume(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
        event.requireValid();
        int failures = 0;
        for (int attempt = 1;; attempt++) {
            try {
                return applyOnce(consumer, event, effect);
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                boolean outage = DatabaseProblems.isTransient(e);
                failures += outage ? 0 : 1;
                if (failures >= config.attempts()) {
                    LOG.errorf(e, "%s gives up on event %s (%s) of tenant %s after %d attempts", consumer, event.id(),
                            event.type(), event.tenant(), attempt);
                    throw e;
                }
                LOG.warnf("%s failed on event %s (%s) of tenant %s, attempt %d%s: %s", consumer, event.id(),
                        event.type(), event.tenant(), attempt, outage ? " (database unavailable: waiting it out)" : "",
                        e.getMessage());
                pause(Math.min(config.backoff().toMillis() * attempt, config.maxBackoff().toMillis()));
            }
        }
    }

    private boolean applyOnce(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
        boolean applied = tenants.callAs(event.tenant(), () -> QuarkusTransaction.requiringNew().call(() -> {
            int fresh = em.createNativeQuery("insert into processed_event (consumer, event_id, tenant_id, event_type)"
                    + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                    .setParameter(1, consumer)
                    .setParameter(2, event.id())
                    .setParameter(3, event.tenant())
                    .setParameter(4, event.type())
                    .executeUpdate();
            if (fresh == 0) {
                return false;
            }
            effect.accept(event);
            return true;
        }));
        if (!applied) {
            LOG.debugf("%s skipped redelivered event %s (%s) of tenant %s", consumer, event.id(), event.type(),
                    event.tenant());
        }
        return applied;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
