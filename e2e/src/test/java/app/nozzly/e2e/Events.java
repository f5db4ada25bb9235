package app.nozzly.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.testing.KafkaTopics;

/**
 * What a Kafka integration consumer of the platform sees: CloudEvents envelopes on a topic. A relay may
 * deliver an event again after a crash (at least once), so "happened once" means one distinct event id.
 */
final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** The distinct events of one tenant on the topic that match, in topic order, read until the topic is quiet. */
    static List<JsonNode> of(String topic, String tenant, Predicate<JsonNode> match) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        KafkaTopics.all(topic, record -> true, Duration.ofSeconds(4)).forEach(record -> {
            JsonNode event = parse(record.value());
            if (tenant.equals(event.path("tenant").asText()) && match.test(event)) {
                byId.putIfAbsent(event.path("id").asText(), event);
            }
        });
        return List.copyOf(byId.values());
    }

    static Predicate<JsonNode> type(String type) {
        return event -> type.equals(event.path("type").asText());
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON event: " + value, e);
        }
    }
}
