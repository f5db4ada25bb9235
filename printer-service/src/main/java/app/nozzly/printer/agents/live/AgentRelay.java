package app.nozzly.printer.agents.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import app.nozzly.platform.events.CloudEvent;
import app.nozzly.platform.events.CloudEventCodec;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The replicas of printer-service talking about edge agents over Kafka ({@link RelayFrame}): an agent connects to
 * one replica, and through this the others run its printers too. Every replica reads the whole topic from the
 * moment it starts (a consumer group of its own) and skips what it sent itself; sending never blocks the caller
 * (an agent's event loop): frames queue for one sender thread, and when Kafka is away and the queue is full they
 * are dropped and counted, as live reports may be; a command sent through another replica then times out.
 */
@ApplicationScoped
public class AgentRelay {

    static final String TOPIC = "printer.agent-relay";
    static final String TYPE = "printer.agent.relayed";
    private static final String REPLICA_HEADER = "nozzly-replica";
    private static final Logger LOG = Logger.getLogger(AgentRelay.class);

    private final String replica = UUID.randomUUID().toString();
    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread thread = new Thread(r, "agent-relay");
                thread.setDaemon(true);
                return thread;
            }, (task, executor) -> dropped.incrementAndGet());
    private KafkaProducer<String, String> producer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    @Inject
    AgentHub hub;

    void start(@Observes StartupEvent event) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "agent-relay-" + replica);
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    void stop(@Observes ShutdownEvent event) {
        sender.shutdown();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(2));
    }

    /** This replica, as the others know it. */
    String replica() {
        return replica;
    }

    /** Sends one frame about the agent to the other replicas; returns at once. */
    void send(String tenant, String agentId, String kind, String to, String session, String frame) {
        RelayFrame data = new RelayFrame(replica, kind, to, session, frame);
        sender.execute(() -> {
            try {
                CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                        "/printer-service", TYPE, OffsetDateTime.now(ZoneOffset.UTC), agentId, tenant,
                        "application/json", codec.toTree(data));
                List<Header> headers = List.of(new RecordHeader(REPLICA_HEADER,
                        replica.getBytes(StandardCharsets.UTF_8)));
                producer.send(new ProducerRecord<>(TOPIC, null, agentId, codec.write(event), headers),
                        (metadata, failure) -> {
                            if (failure != null) {
                                dropped.incrementAndGet();
                            }
                        });
            } catch (RuntimeException e) {
                dropped.incrementAndGet();
                LOG.debugf("tenant %s agent %s: a %s frame was not relayed (%s)", tenant, agentId, kind,
                        e.getMessage());
            }
        });
    }

    /** Frames not relayed since the last call (Kafka away, or the queue full), for the periodic log. */
    long takeDropped() {
        return dropped.getAndSet(0);
    }

    @Incoming("printer-agent-relay")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        Header from = record.headers().lastHeader(REPLICA_HEADER);
        if (from != null && replica.equals(new String(from.value(), StandardCharsets.UTF_8))) {
            return;
        }
        RelayFrame frame;
        CloudEvent event;
        try {
            event = codec.parse(record.value());
            frame = codec.data(event, RelayFrame.class);
        } catch (RuntimeException e) {
            LOG.warnf("a message on %s is not a relayed agent frame and was skipped: %s", TOPIC, e.getMessage());
            return;
        }
        if (!TYPE.equals(event.type()) || frame.kind() == null || event.subject() == null
                || replica.equals(frame.replica())) {
            return;
        }
        hub.relayed(event.tenant(), event.subject(), frame);
    }
}
