package app.nozzly.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfra;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class OutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void committedChangePublishesOneCloudEventKeyedByAggregate() throws Exception {
        String id = create("tenant-outbox", "gear");

        List<ConsumerRecord<String, String>> records = KafkaTopics.await("test.widgets",
                r -> id.equals(r.key()), 1, Duration.ofSeconds(20));

        assertThat(records).hasSize(1);
        JsonNode event = JSON.readTree(records.get(0).value());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("test.widget.created");
        assertThat(event.get("source").asText()).isEqualTo("/commons-test");
        assertThat(event.get("tenant").asText()).isEqualTo("tenant-outbox");
        assertThat(event.get("subject").asText()).isEqualTo(id);
        assertThat(event.get("id").asText()).isNotBlank();
        assertThat(event.get("time").asText()).isNotBlank();
        assertThat(event.get("data").get("name").asText()).isEqualTo("gear");
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        given().header("Authorization", TestTokens.bearer("tenant-outbox"))
                .contentType(ContentType.JSON).body("{\"name\":\"reject-me\"}")
                .post("/api/widgets")
                .then().statusCode(409);
        String sentinel = create("tenant-outbox", "after-reject");

        List<ConsumerRecord<String, String>> records = KafkaTopics.await("test.widgets",
                r -> r.value().contains("reject-me") || sentinel.equals(r.key()), 2, Duration.ofSeconds(20));

        assertThat(records).extracting(ConsumerRecord::key).containsExactly(sentinel);
        given().header("Authorization", TestTokens.bearer("tenant-outbox"))
                .get("/api/widgets").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("reject-me")));
    }

    @Test
    void eventCommittedWhileKafkaIsDownIsDeliveredOnceKafkaIsBack() throws Exception {
        PlatformInfra infra = PlatformInfra.get();
        String id;
        infra.kafka().stop();
        try {
            id = create("tenant-outbox", "while-down");
            Thread.sleep(1500); // the relay tries, fails and backs off meanwhile
            assertThat(pendingOutboxRows(id)).isEqualTo(1);
        } finally {
            infra.kafka().start(Duration.ofSeconds(90));
        }

        List<ConsumerRecord<String, String>> records = KafkaTopics.await("test.widgets",
                r -> id.equals(r.key()), 1, Duration.ofSeconds(60));

        assertThat(records).hasSize(1);
        assertThat(pendingOutboxRows(id)).isZero();
    }

    static String create(String tenant, String name) {
        return given().header("Authorization", TestTokens.bearer(tenant))
                .contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/api/widgets")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static int pendingOutboxRows(String key) throws Exception {
        try (Connection connection = DriverManager.getConnection(PlatformInfra.get().jdbcUrl("commons_test"),
                "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from outbox_event where published_at is null"
                        + " and message_key = '" + key + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
