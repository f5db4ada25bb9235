package app.nozzly.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Spools: creation as a receipt, unique human codes, weighing, costs, archiving and low-stock events. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class SpoolResourceTest {

    private final String tenant = Inventory.newTenant();

    @Test
    void creatingASpoolIsAReceiptInTheLedgerAndGetsAGeneratedCode() {
        Inventory.materialType(tenant, "PETG");
        String id = Inventory.as(tenant).body("""
                {"brand": "Prusament", "color": "Galaxy Black", "color_hex": "1a1a1a", "material_type": "petg",
                 "initial_weight_grams": 1000, "current_weight_grams": 940, "empty_spool_weight_grams": 193,
                 "cost_per_kg": 25, "location": "Shelf A", "lot": "L-2025-03", "purchased_at": "2025-03-01"}
                """)
                .post("/api/v1/spools").then().statusCode(201)
                .body("spool_id", matchesPattern("FIL-\\d{3}"))
                .body("material_type.code", equalTo("PETG")).body("material_type.name", equalTo("PETG"))
                .body("color_hex", equalTo("#1A1A1A")).body("diameter_mm", is(1.75f))
                .body("initial_weight_grams", is(1000)).body("current_weight_grams", is(940))
                .body("cost_per_kg", is(25)).body("cost_per_gram", is(0.025f))
                .body("archived", is(false)).body("created_at", notNullValue())
                .extract().path("id");

        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + id).then()
                .body("total", is(1)).body("items[0].kind", equalTo("receipt"))
                .body("items[0].signed_quantity", is(940)).body("items[0].cause.type", equalTo("user"));
        assertThat(Inventory.stockAndLedger(tenant, id)).allSatisfy(v -> assertThat(v).isEqualByComparingTo("940"));
    }

    @Test
    void spoolCodesAreUniquePerTenant() {
        Inventory.materialType(tenant, "PLA");
        Map<String, Object> body = Map.of("spool_id", "FIL-RED-1", "material_type", "PLA", "initial_weight_grams", 1000);
        Inventory.as(tenant).body(body).post("/api/v1/spools").then().statusCode(201);
        Inventory.as(tenant).body(body).post("/api/v1/spools").then().statusCode(409)
                .contentType("application/problem+json");
        Inventory.as(tenant).get("/api/v1/spools?spool_id=FIL-RED-1").then().body("total", is(1))
                .body("items[0].spool_id", equalTo("FIL-RED-1"));
        String other = Inventory.newTenant();
        Inventory.materialType(other, "PLA");
        Inventory.as(other).body(body).post("/api/v1/spools").then().statusCode(201);
    }

    @Test
    void aSpoolOfAnUnknownMaterialTypeIsRefused() {
        Inventory.as(tenant).body(Map.of("material_type", "UNOBTAINIUM", "initial_weight_grams", 1000))
                .post("/api/v1/spools").then().statusCode(422);
        Inventory.as(tenant).body(Map.of("material_type", "PLA")).post("/api/v1/spools").then().statusCode(400);
    }

    @Test
    void aWeighingRecordsTheVarianceToTheExpectedWeight() {
        String spool = Inventory.spool(tenant, 1000); // tare 250 g
        Inventory.as(tenant).body(Map.of("gross_weight_grams", 1180)).post("/api/v1/spools/" + spool + "/weighings")
                .then().statusCode(201).body("net_weight_grams", is(930)).body("expected_weight_grams", is(1000))
                .body("variance_grams", is(-70)).body("current_weight_grams", is(930));

        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + spool + "&kind=weighing").then()
                .body("total", is(1)).body("items[0].signed_quantity", is(-70))
                .body("items[0].cause.type", equalTo("weighing"));
        Inventory.as(tenant).body(Map.of("gross_weight_grams", 100)).post("/api/v1/spools/" + spool + "/weighings")
                .then().statusCode(422);
        assertThat(Inventory.stockAndLedger(tenant, spool)).allSatisfy(v -> assertThat(v).isEqualByComparingTo("930"));
    }

    @Test
    void lowStockIsAnnouncedOncePerDownwardCrossing() {
        String spool = Inventory.spool(tenant, 300, 100.0);
        move(spool, "low-1", "consumption", 150); // 150 left: above
        move(spool, "low-2", "consumption", 60); // 90: crossing
        move(spool, "low-3", "consumption", 10); // 80: still low, no new event
        move(spool, "low-4", "receipt", 100); // 180: re-armed
        move(spool, "low-5", "consumption", 100); // 80: second crossing

        var low = KafkaTopics.await("inventory.stock",
                r -> spool.equals(r.key()) && r.value().contains("\"inventory.stock.low\""), 2, Duration.ofSeconds(30));
        assertThat(low).hasSize(2);
        var data = Inventory.json(low.get(0).value()).path("data");
        assertThat(data.path("item_type").asText()).isEqualTo("spool");
        assertThat(data.path("item_id").asText()).isEqualTo(spool);
        assertThat(data.path("spool_id").asText()).startsWith("FIL-");
        assertThat(data.path("current").decimalValue()).isEqualByComparingTo("90");
        assertThat(data.path("threshold").decimalValue()).isEqualByComparingTo("100");
        assertThat(Inventory.json(low.get(1).value()).path("data").path("current").decimalValue())
                .isEqualByComparingTo("80");
        assertThat(KafkaTopics.all("inventory.stock",
                r -> spool.equals(r.key()) && r.value().contains("\"inventory.stock.low\""), Duration.ofSeconds(3)))
                .hasSize(2);
        Inventory.as(tenant).get("/api/v1/spools?low_stock=true").then().body("items.id", org.hamcrest.Matchers
                .hasItem(spool));
    }

    @Test
    void archivingHidesASpoolButIsRefusedWhileGramsAreReserved() {
        String spool = Inventory.spool(tenant, 1000);
        String reservation = Inventory.as(tenant).body(Map.of("idempotency_key", "arch-1", "spool_id", spool,
                "grams", 10, "cause", Map.of("type", "production_run", "id", "run-1")))
                .post("/api/v1/inventory/reservations").then().statusCode(201).extract().path("id");
        Inventory.as(tenant).delete("/api/v1/spools/" + spool).then().statusCode(409);
        Inventory.as(tenant).post("/api/v1/inventory/reservations/" + reservation + "/release").then().statusCode(200);
        Inventory.as(tenant).delete("/api/v1/spools/" + spool).then().statusCode(204);
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().statusCode(200).body("archived", is(true));
        Inventory.as(tenant).get("/api/v1/spools").then().body("items.id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(spool)));
        Inventory.as(tenant).get("/api/v1/spools?archived=true").then().body("items.id", org.hamcrest.Matchers
                .hasItem(spool));
    }

    @Test
    void listsPage() {
        for (int i = 0; i < 3; i++) {
            Inventory.spool(tenant, 100);
        }
        Inventory.as(tenant).get("/api/v1/spools?page=2&size=2").then().statusCode(200).body("total", is(3))
                .body("page", is(2)).body("size", is(2)).body("items.size()", is(1));
        Inventory.as(tenant).get("/api/v1/spools?size=0").then().statusCode(400);
    }

    private void move(String spool, String key, String kind, double grams) {
        Inventory.as(tenant).body(Inventory.movement(key, List.of(Inventory.line("spool", spool, kind, grams, "g"))))
                .post("/api/v1/inventory/movements").then().statusCode(201);
    }
}
