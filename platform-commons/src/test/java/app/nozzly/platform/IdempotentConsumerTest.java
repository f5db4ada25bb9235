package app.nozzly.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.Envelopes;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class IdempotentConsumerTest {

    private static final String TENANT = "tenant-consumer";
    private static final String OTHER_TENANT = "tenant-consumer-other";

    @Test
    void redeliveredEventChangesNothing() {
        String widget = OutboxTest.create(TENANT, "bolt");
        String eventId = UUID.randomUUID().toString();

        KafkaTopics.send("test.widget-commands", widget, command(eventId, widget, 5));
        awaitStock(widget, 5);
        KafkaTopics.send("test.widget-commands", widget, command(eventId, widget, 5));
        KafkaTopics.send("test.widget-commands", widget, command(UUID.randomUUID().toString(), widget, 1));

        awaitStock(widget, 6);
        assertThat(stock(TENANT, widget)).isEqualTo(6);
    }

    @Test
    void eventRelayedFromTheOutboxIsConsumedAsItsEnvelope() {
        String widget = OutboxTest.create(TENANT, "restock-washer");

        awaitStock(widget, 2);
    }

    @Test
    void poisonMessageGoesToDeadLetterTopicAndConsumerKeepsGoing() {
        String widget = OutboxTest.create(TENANT, "nut");
        String poison = "{not a cloud event " + UUID.randomUUID();

        KafkaTopics.send("test.widget-commands", widget, poison);
        KafkaTopics.send("test.widget-commands", widget, command(UUID.randomUUID().toString(), widget, 3));

        assertThat(KafkaTopics.await("test.widget-commands.dlq", r -> poison.equals(r.value()), 1,
                Duration.ofSeconds(30))).hasSize(1);
        awaitStock(widget, 3);
    }

    @Test
    void anEventThatMeetsTheDatabaseAwayIsAppliedWhenItIsBackNeverDeadLettered() {
        String widget = OutboxTest.create(TENANT, "rivet");
        String eventId = UUID.randomUUID().toString();

        // more outages than the attempts any other failure gets (4)
        KafkaTopics.send("test.widget-commands", widget, command(eventId, widget, 7, ",\"database_away_times\":6"));

        awaitStock(widget, 7);
        assertThat(WidgetStockConsumer.OUTAGES.get(eventId)).hasValue(7);
        assertThat(KafkaTopics.await("test.widget-commands.dlq", r -> r.value().contains(eventId), 1,
                Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void aBatchAppliesEachEventOnceAcrossTenantsRepeatsAndRedeliveries() {
        String widget = OutboxTest.create(TENANT, "gear");
        String other = OutboxTest.create(OTHER_TENANT, "gear");
        String first = UUID.randomUUID().toString();
        String theirs = UUID.randomUUID().toString();

        KafkaTopics.sendTogether("test.widget-batches", widget, List.of(command(first, widget, 5),
                command(first, widget, 5), command(UUID.randomUUID().toString(), widget, 1),
                command(theirs, other, 40, "", OTHER_TENANT), command(UUID.randomUUID().toString(), widget, 2),
                command(theirs, other, 40, "", OTHER_TENANT)));
        awaitStock(TENANT, widget, 8);
        awaitStock(OTHER_TENANT, other, 40);

        // a batch's runs are applied in order: once the last (ours) shows, the redelivery of theirs was handled
        KafkaTopics.sendTogether("test.widget-batches", widget, List.of(command(first, widget, 5),
                command(theirs, other, 40, "", OTHER_TENANT), command(UUID.randomUUID().toString(), widget, 10)));
        awaitStock(TENANT, widget, 18);
        assertThat(stock(TENANT, widget)).isEqualTo(18);
        assertThat(stock(OTHER_TENANT, other)).isEqualTo(40);
    }

    private static String command(String eventId, String widget, int amount) {
        return command(eventId, widget, amount, "");
    }

    private static String command(String eventId, String widget, int amount, String moreData) {
        return command(eventId, widget, amount, moreData, TENANT);
    }

    private static String command(String eventId, String widget, int amount, String moreData, String tenant) {
        return Envelopes.envelope(eventId, "test", "test.widget.stocked", widget, tenant,
                Envelopes.data("{\"amount\":" + amount + moreData + "}"));
    }

    private static void awaitStock(String widget, int expected) {
        awaitStock(TENANT, widget, expected);
    }

    private static void awaitStock(String tenant, String widget, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> stock(tenant, widget) == expected);
    }

    private static int stock(String tenant, String widget) {
        return given().header("Authorization", TestTokens.bearer(tenant))
                .get("/api/widgets/" + widget).then().statusCode(200).extract().path("stock");
    }
}
