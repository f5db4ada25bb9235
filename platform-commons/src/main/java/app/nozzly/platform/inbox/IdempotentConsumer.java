package app.nozzly.platform.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies an event's effect at most once per consumer: the processed-event row and the effect commit
 * in one transaction, as the event's tenant. A redelivered event finds its row and changes nothing.
 * The database away (or busy) is waited out however long it lasts, the event kept and the partition held, since
 * a valid event must never be dead-lettered for an outage; any other failure is retried a few times, and a message
 * that can never be processed is rethrown, so the channel's dead-letter strategy takes it and the consumer moves on.
 * A channel with many events (every stock movement, say) consumes them in batches ({@link #consumeBatch}): one
 * commit for a run of one tenant's events instead of one per event, with the same guarantees per event.
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

    /**
     * Applies a batch of a channel's records (the channel configured with {@code batch=true}), each event once, in
     * order. The events of one tenant that follow each other share one transaction. An unreadable record is nacked
     * alone, so the channel's dead-letter strategy takes that record and not its batch; when a shared transaction
     * fails for anything but the database being away, its events are applied again one at a time as
     * {@link #consume} does, and only an event that can never be applied is dead-lettered.
     *
     * @return completes once the batch is acknowledged, after every dead-lettered record reached its topic
     */
    @ActivateRequestContext
    public CompletionStage<Void> consumeBatch(String consumer, KafkaRecordBatch<String, String> batch,
            Consumer<CloudEvent> effect) {
        List<CompletionStage<Void>> deadLettered = new ArrayList<>();
        List<KafkaRecord<String, String>> run = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            CloudEvent event;
            try {
                event = codec.parse(record.getPayload());
                event.requireValid();
            } catch (InvalidEventException e) {
                deadLettered.add(record.nack(e));
                continue;
            }
            if (!events.isEmpty() && !events.get(0).tenant().equals(event.tenant())) {
                applyRun(consumer, run, events, effect, deadLettered);
                run.clear();
                events.clear();
            }
            run.add(record);
            events.add(event);
        }
        if (!events.isEmpty()) {
            applyRun(consumer, run, events, effect, deadLettered);
        }
        return CompletableFuture.allOf(deadLettered.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /** One tenant's consecutive events in one transaction, or one at a time when that transaction cannot commit. */
    private void applyRun(String consumer, List<KafkaRecord<String, String>> records, List<CloudEvent> events,
            Consumer<CloudEvent> effect, List<CompletionStage<Void>> deadLettered) {
        String tenant = events.get(0).tenant();
        for (int attempt = 1; events.size() > 1; attempt++) {
            try {
                tenants.callAs(tenant, () -> QuarkusTransaction.requiringNew().call(() -> {
                    for (CloudEvent event : events) {
                        if (claim(consumer, event)) {
                            effect.accept(event);
                        }
                    }
                    return null;
                }));
                return;
            } catch (RuntimeException e) {
                if (!DatabaseProblems.isTransient(e)) {
                    LOG.debugf("%s applies %d events of tenant %s one at a time: %s", consumer, events.size(), tenant,
                            e.getMessage());
                    break;
                }
                LOG.warnf("%s failed on %d events of tenant %s, attempt %d (database unavailable: waiting it out): %s",
                        consumer, events.size(), tenant, attempt, e.getMessage());
                pause(Math.min(config.backoff().toMillis() * attempt, config.maxBackoff().toMillis()));
            }
        }
        for (int i = 0; i < events.size(); i++) {
            try {
                consume(consumer, events.get(i), effect);
            } catch (RuntimeException e) {
                deadLettered.add(records.get(i).nack(e));
            }
        }
    }

    private boolean applyOnce(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
        boolean applied = tenants.callAs(event.tenant(), () -> QuarkusTransaction.requiringNew().call(() -> {
            if (!claim(consumer, event)) {
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

    /** Records the event as processed by this consumer; false when it already was. */
    private boolean claim(String consumer, CloudEvent event) {
        return em.createNativeQuery("insert into processed_event (consumer, event_id, tenant_id, event_type)"
                + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.tenant())
                .setParameter(4, event.type())
                .executeUpdate() == 1;
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
