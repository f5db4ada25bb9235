package app.nozzly.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import app.nozzly.platform.events.CloudEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes committed outbox rows to Kafka (acks=all, idempotent producer) in commit order, and marks
 * them published only once the broker has acknowledged them. A transaction-scoped advisory lock (per
 * service schema) lets exactly one replica publish at a time, so rows are never sent concurrently and
 * per-key order holds.
 * Woken right after each commit that wrote an event; polls as a fallback (other replicas, restarts).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int RELAY_LOCK = 0x6f7574; // "out"; paired with the schema, one relay lock per service

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled by configuration");
            return;
        }
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new StringSerializer());
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            wakeUp();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to publish now rather than at its next poll. */
    public void wakeUp() {
        wake.release();
    }

    private void loop() {
        long backoffMs = 0;
        long lastPurge = 0;
        while (running) {
            try {
                wake.tryAcquire(backoffMs > 0 ? backoffMs : config.relay().pollInterval().toMillis(),
                        TimeUnit.MILLISECONDS);
                wake.drainPermits();
                while (running && publishBatch() == config.relay().batchSize()) {
                    // a full batch means more rows may wait: keep draining
                }
                backoffMs = 0;
                if (System.currentTimeMillis() - lastPurge > TimeUnit.HOURS.toMillis(1)) {
                    purgePublished();
                    lastPurge = System.currentTimeMillis();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoffMs = Math.min(Math.max(backoffMs * 2, 200), config.relay().maxBackoff().toMillis());
                LOG.warnf("outbox relay could not publish (%s); retrying in %d ms", rootMessage(e), backoffMs);
            }
        }
    }

    /** Publishes one batch of pending rows; returns how many were published. */
    int publishBatch() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = publishBatch(connection);
                connection.commit();
                return published;
            } catch (SQLException | RuntimeException | InterruptedException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection connection) throws SQLException, InterruptedException {
        try (PreparedStatement lock = connection.prepareStatement(
                "select pg_try_advisory_xact_lock(?, hashtext(current_schema()))")) {
            lock.setInt(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0; // another replica is publishing
                }
            }
        }
        List<Long> seqs = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select seq, topic, message_key, envelope::text"
                + " from outbox_event where published_at is null order by seq limit ?")) {
            select.setInt(1, config.relay().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString(2), rs.getString(3),
                            rs.getString(4));
                    record.headers().add(new RecordHeader("content-type", CloudEvent.CONTENT_TYPE.getBytes()));
                    seqs.add(rs.getLong(1));
                    acks.add(producer.send(record));
                }
            }
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        producer.flush();
        int acknowledged = 0;
        String failure = null;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(config.relay().ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged++;
            } catch (Exception e) {
                failure = rootMessage(e);
                break; // later rows are published again next time, after this one: per-key order holds
            }
        }
        markPublished(connection, seqs.subList(0, acknowledged));
        if (failure != null) {
            recordFailure(connection, seqs.get(acknowledged), failure);
            connection.commit();
            throw new IllegalStateException("broker did not acknowledge outbox row " + seqs.get(acknowledged)
                    + ": " + failure);
        }
        return acknowledged;
    }

    private static void markPublished(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set published_at = now(), attempts = attempts + 1 where seq = any(?)")) {
            update.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
            update.executeUpdate();
        }
    }

    private static void recordFailure(Connection connection, long seq, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set attempts = attempts + 1, last_error = ? where seq = ?")) {
            update.setString(1, error);
            update.setLong(2, seq);
            update.executeUpdate();
        }
    }

    private void purgePublished() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from outbox_event where published_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, config.retention().toSeconds());
            int purged = delete.executeUpdate();
            if (purged > 0) {
                LOG.debugf("purged %d published outbox rows", purged);
            }
        }
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(config.relay().ackTimeout().toMillis()));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(config.relay().ackTimeout().toMillis()));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                String.valueOf(config.relay().ackTimeout().toMillis() + 1000));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return props;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
