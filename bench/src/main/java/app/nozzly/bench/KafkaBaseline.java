package app.nozzly.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Bare Kafka produce -> consume latency on the stack's broker at a fixed rate: scenario 2's baseline. */
final class KafkaBaseline {

    private KafkaBaseline() {
    }

    static Measurement run(String bootstrap, double perSecond, Duration duration) throws Exception {
        String topic = "bench.baseline." + UUID.randomUUID();
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        long total = (long) (perSecond * duration.toSeconds());
        Measurement measurement = new Measurement();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                        new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm-up", String.valueOf(System.nanoTime()))).get();
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            Thread sender = new Thread(() -> send(producer, topic, perSecond, total));
            measurement.start();
            sender.start();
            long received = 0;
            long deadline = System.nanoTime() + duration.plusSeconds(30).toNanos();
            while (received < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    if (!"warm-up".equals(record.key())) {
                        measurement.record((System.nanoTime() - Long.parseLong(record.value())) / 1000);
                        received++;
                    }
                }
            }
            sender.join();
            measurement.stop();
        }
        return measurement;
    }

    private static void send(KafkaProducer<String, String> producer, String topic, double perSecond, long total) {
        long interval = (long) (1e9 / perSecond);
        long origin = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long wait = origin + i * interval - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            producer.send(new ProducerRecord<>(topic, "k" + (i % 16), String.valueOf(System.nanoTime())));
        }
        producer.flush();
    }
}
