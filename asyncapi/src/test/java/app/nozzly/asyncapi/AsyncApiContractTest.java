package app.nozzly.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * asyncapi.yaml is the contract of every Kafka topic: these checks fail the build when a payload class and
 * the document disagree, when a channel names a message that is not defined, or when an event type is
 * documented twice.
 */
class AsyncApiContractTest {

    private static JsonNode document;
    private static SchemaCheck check;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream("/asyncapi.yaml")) {
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        check = new SchemaCheck(document);
    }

    @Test
    void isAnAsyncApi3DocumentWithTopicsAndMessages() {
        assertThat(document.path("asyncapi").asText()).startsWith("3.");
        assertThat(document.path("channels").size()).isGreaterThanOrEqualTo(7);
        assertThat(document.path("components").path("messages").size()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void everyPayloadSchemaAgreesWithTheClassThatWritesIt() throws ClassNotFoundException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            JsonNode javaType = schema.getValue().get("x-java-type");
            if (javaType != null) {
                problems.addAll(check.compare(schema.getKey(), schema.getValue(), Class.forName(javaType.asText())));
            }
        }
        assertThat(problems).as("differences between asyncapi.yaml and the payload classes").isEmpty();
    }

    /** ARCHITECTURE.md: consumers keep their own copies of payload classes, tested against the documented schema. */
    @Test
    void everyConsumersCopyReadsOnlyDocumentedFieldsOfTheDocumentedTypes() throws ClassNotFoundException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            for (JsonNode reader : schema.getValue().path("x-consumer-java-types")) {
                problems.addAll(check.compareReader(schema.getKey() + " read by " + reader.asText(), schema.getValue(),
                        Class.forName(reader.asText())));
            }
        }
        assertThat(problems).as("fields the consumers' copies read that asyncapi.yaml does not promise").isEmpty();
    }

    @Test
    void everyMessageCarriesTheEnvelopeWithAPayloadClassAndAKey() {
        Set<String> names = new HashSet<>();
        for (Map.Entry<String, JsonNode> message : document.path("components").path("messages").properties()) {
            String name = message.getValue().path("name").asText();
            assertThat(names.add(name)).as("event type %s documented once", name).isTrue();
            JsonNode payload = check.resolve(message.getValue().path("payload"));
            JsonNode envelope = check.resolve(payload.path("allOf").path(0));
            assertThat(envelope.path("x-java-type").asText()).as("%s is a CloudEvent", name)
                    .isEqualTo("app.nozzly.platform.events.CloudEvent");
            JsonNode data = check.resolve(payload.path("allOf").path(1).path("properties").path("data"));
            assertThat(data.has("x-java-type")).as("%s names the class of its data", name).isTrue();
            assertThat(message.getValue().path("bindings").path("kafka").path("key").path("type").asText())
                    .as("%s documents its Kafka key", name).isEqualTo("string");
        }
    }

    /** A documented example is a message its producer's class and every consumer's copy read, field for field. */
    @Test
    void everyExampleIsAMessageItsProducerAndConsumersRead() throws ClassNotFoundException {
        List<String> problems = new ArrayList<>();
        int examples = 0;
        for (Map.Entry<String, JsonNode> message : document.path("components").path("messages").properties()) {
            JsonNode data = check.resolve(check.resolve(message.getValue().path("payload")).path("allOf").path(1)
                    .path("properties").path("data"));
            List<String> readers = new ArrayList<>(List.of(data.path("x-java-type").asText()));
            data.path("x-consumer-java-types").forEach(reader -> readers.add(reader.asText()));
            for (JsonNode example : message.getValue().path("examples")) {
                examples++;
                String where = message.getKey() + " example '" + example.path("name").asText() + "'";
                JsonNode event = example.path("payload");
                if (!event.path("type").asText().equals(message.getValue().path("name").asText())) {
                    problems.add(where + ": type " + event.path("type") + " is not the message's name");
                }
                if (!event.path("subject").asText().equals(event.path("data").path("id").asText(
                        event.path("subject").asText()))) {
                    problems.add(where + ": subject " + event.path("subject") + " is not the data's id");
                }
                for (JsonNode required : check.resolve(document.at("/components/schemas/CloudEvent"))
                        .path("required")) {
                    if (!event.has(required.asText())) {
                        problems.add(where + ": the envelope lacks " + required.asText());
                    }
                }
                problems.addAll(check.checkExample(where, data, event.path("data")));
                for (String reader : readers) {
                    problems.addAll(SchemaCheck.checkReads(where, event.path("data"), Class.forName(reader)));
                }
            }
        }
        assertThat(examples).as("examples in the document").isPositive();
        assertThat(problems).as("examples that disagree with the document or a reader")
                .isEmpty();
    }

    @Test
    void everyChannelAndOperationReferToDefinedParts() {
        for (Map.Entry<String, JsonNode> channel : document.path("channels").properties()) {
            assertThat(channel.getValue().path("address").asText()).as("topic of %s", channel.getKey()).isNotBlank();
            assertThat(channel.getValue().path("messages").size()).as("messages of %s", channel.getKey()).isPositive();
            channel.getValue().path("messages").forEach(message -> assertThat(check.resolve(message).has("name"))
                    .isTrue());
        }
        for (Map.Entry<String, JsonNode> operation : document.path("operations").properties()) {
            assertThat(operation.getValue().path("action").asText()).isIn("send", "receive");
            assertThat(check.resolve(operation.getValue().path("channel")).has("address"))
                    .as("channel of %s", operation.getKey()).isTrue();
        }
    }

    /** The check itself can fail: a renamed field, a missing field and a wrong type are each reported. */
    @Test
    void theCheckReportsRenamedMissingAndMistypedFields() throws IOException {
        JsonNode schema = new ObjectMapper(new YAMLFactory()).readTree("""
                type: object
                properties:
                  grams: {type: string}
                  old_name: {type: string}
                  trays: {type: array, items: {type: object, properties: {tray_id: {type: integer}}}}
                """);
        List<String> problems = check.compare("Sample", schema, Sample.class);
        assertThat(problems).hasSize(4).anySatisfy(p -> assertThat(p).contains("Sample.grams").contains("number"))
                .anySatisfy(p -> assertThat(p).contains("Sample.old_name").contains("does not map it"))
                .anySatisfy(p -> assertThat(p).contains("Sample.new_name").contains("not in the document"))
                .anySatisfy(p -> assertThat(p).contains("Sample.trays[].color").contains("not in the document"));
    }

    /** A tolerant reader may read fewer fields, never an undocumented one or one of another type. */
    @Test
    void theReaderCheckAcceptsFewerFieldsAndReportsUnknownOrMistypedOnes() throws IOException {
        JsonNode schema = new ObjectMapper(new YAMLFactory()).readTree("""
                type: object
                properties:
                  grams: {type: integer}
                  new_name: {type: string}
                  trays: {type: array, items: {type: object, properties: {tray_id: {type: integer}, color: {type: string}}}}
                """);
        assertThat(check.compareReader("Reader", schema, FewerFields.class)).isEmpty();
        assertThat(check.compareReader("Reader", schema, Sample.class)).isEmpty();
        assertThat(check.compareReader("Reader", schema, UnknownField.class)).singleElement()
                .satisfies(p -> assertThat(p).contains("Reader.colour").contains("not in the document"));
    }

    record FewerFields(@JsonProperty("new_name") String newName) {
    }

    record UnknownField(String colour) {
    }

    record Sample(double grams, @JsonProperty("new_name") String newName, List<Tray> trays) {
    }

    record Tray(@JsonProperty("tray_id") int trayId, String color) {
    }
}
