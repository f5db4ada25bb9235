package app.nozzly.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import app.nozzly.inventory.models.events.CatalogAnnouncement;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Models and spools announce what other services show of them on inventory.catalog (module README, "Events"), in
 * the transaction of the change: one event per creation and change, none for a change that was refused.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class CatalogEventsTest {

    private static final String TOPIC = "inventory.catalog";

    private final String tenant = Inventory.newTenant();

    @Inject
    CatalogAnnouncement announcement;

    @Inject
    EntityManager em;

    @Test
    void aModelAnnouncesItsCreationAndItsChangeWithItsNameAndSku() {
        String sku = "DRG-" + UUID.randomUUID().toString().substring(0, 8);
        String model = Inventory.admin(tenant).body(Map.of("name", "Dragon", "sku", sku)).post("/api/v1/models")
                .then().statusCode(201).extract().path("id");
        Inventory.admin(tenant).body(Map.of("name", "Dragon, large")).patch("/api/v1/models/" + model).then()
                .statusCode(200);

        List<JsonNode> events = events(model, 2);
        assertThat(events).extracting(e -> e.path("type").asText())
                .containsExactly("inventory.model.created", "inventory.model.changed");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("tenant").asText()).isEqualTo(tenant);
            assertThat(e.path("subject").asText()).isEqualTo(model);
            assertThat(e.path("data").path("id").asText()).isEqualTo(model);
            assertThat(e.path("data").path("sku").asText()).isEqualTo(sku);
        });
        assertThat(events.get(0).path("data").path("name").asText()).isEqualTo("Dragon");
        assertThat(events.get(1).path("data").path("name").asText()).isEqualTo("Dragon, large");
        assertThat(updatedAt(events.get(1))).isAfter(updatedAt(events.get(0)));
    }

    @Test
    void aSpoolAnnouncesItsChangesAndARenameOfItsMaterialType() {
        String spool = Inventory.spool(tenant, 1000);
        Inventory.as(tenant).body(Map.of("color", "Galaxy Blue", "cost_per_kg", 30)).patch("/api/v1/spools/" + spool)
                .then().statusCode(200);
        String type = Inventory.admin(tenant).queryParam("code", "PLA").get("/api/v1/material-types").then()
                .statusCode(200).extract().path("items[0].id");
        Inventory.admin(tenant).body(Map.of("name", "Polylactic acid")).patch("/api/v1/material-types/" + type)
                .then().statusCode(200);

        List<JsonNode> events = events(spool, 3);
        assertThat(events).extracting(e -> e.path("type").asText())
                .containsExactly("inventory.spool.created", "inventory.spool.changed", "inventory.spool.changed");
        JsonNode created = events.get(0).path("data");
        assertThat(created.path("spool_id").asText()).startsWith("FIL-");
        assertThat(created.path("brand").asText()).isEqualTo("Bambu Lab");
        assertThat(created.path("color").asText()).isEqualTo("Matte Black");
        assertThat(created.path("material_type").path("code").asText()).isEqualTo("PLA");
        assertThat(created.path("cost_per_gram").isNull()).isTrue();
        JsonNode recoloured = events.get(1).path("data");
        assertThat(recoloured.path("color").asText()).isEqualTo("Galaxy Blue");
        assertThat(recoloured.path("cost_per_gram").decimalValue()).isEqualByComparingTo("0.03");
        JsonNode renamed = events.get(2).path("data");
        assertThat(renamed.path("material_type").path("name").asText()).isEqualTo("Polylactic acid");
        assertThat(renamed.path("color").asText()).isEqualTo("Galaxy Blue");
        assertThat(updatedAt(events.get(1))).isAfter(updatedAt(events.get(0)));
        assertThat(updatedAt(events.get(2))).isAfter(updatedAt(events.get(1)));
    }

    @Test
    void aRefusedSpoolChangeAnnouncesNothing() {
        String spool = Inventory.spool(tenant, 1000);
        Inventory.as(tenant).body(Map.of("idempotency_key", "catalog-" + spool, "spool_id", spool, "grams", 10,
                "cause", Map.of("type", "production_run", "id", "run-1"))).post("/api/v1/inventory/reservations")
                .then().statusCode(201);
        Inventory.as(tenant).body(Map.of("color", "Red", "archived", true)).patch("/api/v1/spools/" + spool).then()
                .statusCode(409);

        assertThat(events(spool, 1)).extracting(e -> e.path("type").asText())
                .containsExactly("inventory.spool.created");
        assertThat(KafkaTopics.all(TOPIC, r -> spool.equals(r.key()) && r.value().contains("\"Red\""),
                Duration.ofSeconds(3))).isEmpty();
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().statusCode(200)
                .body("color", org.hamcrest.Matchers.equalTo("Matte Black"));
    }

    @Test
    void aSpoolMadeAndRenamedThroughSpoolmansApiAnnouncesItselfLikeAnyOther() {
        SpoolmanApiTest.Key key = SpoolmanApiTest.key(tenant);
        int filament = SpoolmanApiTest.filament(key, 1000, 200);
        int spoolman = SpoolmanApiTest.spool(key, filament, Map.of("used_weight", 0));
        String spool = SpoolmanApiTest.ourSpool(tenant, spoolman);
        SpoolmanApiTest.client().body(Map.of("name", "PolyLite Galaxy Blue"))
                .patch(key.baseUrl() + "/api/v1/filament/" + filament).then().statusCode(200);

        List<JsonNode> events = events(spool, 2);
        assertThat(events).extracting(e -> e.path("type").asText())
                .containsExactly("inventory.spool.created", "inventory.spool.changed");
        assertThat(events.get(0).path("data").path("color").asText()).isEqualTo("PolyLite Galaxy Black");
        assertThat(events.get(1).path("data").path("color").asText()).isEqualTo("PolyLite Galaxy Blue");
        assertThat(events.get(1).path("data").path("brand").asText()).isEqualTo("Polymaker");
    }

    @Test
    void whatExistedBeforeTheCatalogWasAnnouncedIsAnnouncedOnceWhenTheServiceStarts() {
        String model = Inventory.admin(tenant).body(Map.of("name", "Kraken", "sku", "KRK-" + UUID.randomUUID()))
                .post("/api/v1/models").then().statusCode(201).extract().path("id");
        // an installation upgraded: the row the migration writes says the catalog is still to be announced
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into catalog_announcement (pending) values (true)").executeUpdate());

        assertThat(announcement.announcePending()).isPositive();
        assertThat(announcement.announcePending()).isZero();

        List<JsonNode> events = events(model, 2);
        assertThat(events).extracting(e -> e.path("type").asText())
                .containsExactly("inventory.model.created", "inventory.model.changed");
        // the same version: stored at the database's microseconds
        assertThat(updatedAt(events.get(1))).isCloseTo(updatedAt(events.get(0)), within(1, ChronoUnit.MICROS));
    }

    private static List<JsonNode> events(String key, int expected) {
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(TOPIC, r -> key.equals(r.key()), expected,
                Duration.ofSeconds(30));
        return records.stream().map(r -> Inventory.json(r.value())).toList();
    }

    private static OffsetDateTime updatedAt(JsonNode event) {
        return OffsetDateTime.parse(event.path("data").path("updated_at").asText());
    }
}
