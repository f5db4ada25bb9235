package app.nozzly.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.Envelopes;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Issue 9 C2: skus map models (own sku and extra ones), lookup by sku, and the skus on orders no model maps. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class ModelSkuTest {

    private static final AtomicLong ORDER_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final String tenant = Inventory.newTenant();

    @Test
    void extraSkusMapTheModelAndNoSkuMapsTwoModels() {
        String dragon = model("Dragon", "DRG-1");
        String cat = model("Cat", "CAT-1");

        Inventory.admin(tenant).body(Map.of("sku", "DRG-1-RED")).post("/api/v1/models/" + dragon + "/skus").then()
                .statusCode(201).body("id", equalTo(dragon)).body("skus", contains("DRG-1", "DRG-1-RED"));
        Inventory.admin(tenant).body(Map.of("sku", "DRG-1-BLUE")).post("/api/v1/models/" + dragon + "/skus").then()
                .statusCode(201).body("skus", contains("DRG-1", "DRG-1-RED", "DRG-1-BLUE"));
        Inventory.admin(tenant).body(Map.of("sku", "DRG-1-RED")).post("/api/v1/models/" + cat + "/skus").then()
                .statusCode(409).body("type", equalTo("https://api.nozzly.app/problems/conflict"));
        Inventory.admin(tenant).body(Map.of("sku", "CAT-1")).post("/api/v1/models/" + dragon + "/skus").then()
                .statusCode(409);
        Inventory.admin(tenant).body(Map.of("name", "Copy", "sku", "DRG-1-BLUE")).post("/api/v1/models").then()
                .statusCode(409);
        Inventory.admin(tenant).body(Map.of("sku", "DRG-1-RED")).patch("/api/v1/models/" + cat).then().statusCode(409);
        Inventory.admin(tenant).body(Map.of("sku", " ")).post("/api/v1/models/" + dragon + "/skus").then()
                .statusCode(400);

        Inventory.admin(tenant).get("/api/v1/models/by-sku/DRG-1-RED").then().statusCode(200)
                .body("id", equalTo(dragon))
                .body("sku", equalTo("DRG-1"));
        Inventory.admin(tenant).get("/api/v1/models/by-sku/DRG-1").then().statusCode(200).body("id", equalTo(dragon));
        Inventory.admin(tenant).get("/api/v1/models/" + dragon).then().body("skus", contains("DRG-1", "DRG-1-RED",
                "DRG-1-BLUE"));
        Inventory.admin(tenant).get("/api/v1/models?sku=CAT-1").then().body("items[0].skus", contains("CAT-1"));

        Inventory.admin(tenant).delete("/api/v1/models/" + dragon + "/skus/DRG-1-RED").then().statusCode(204);
        Inventory.admin(tenant).get("/api/v1/models/by-sku/DRG-1-RED").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404))
                .body("type", equalTo("https://api.nozzly.app/problems/not-found"));
        Inventory.admin(tenant).delete("/api/v1/models/" + dragon + "/skus/DRG-1-RED").then().statusCode(404);
        Inventory.admin(tenant).delete("/api/v1/models/" + dragon + "/skus/DRG-1").then().statusCode(409);
        Inventory.admin(tenant).body(Map.of("sku", "DRG-1-RED")).post("/api/v1/models/" + cat + "/skus").then()
                .statusCode(201).body("skus", contains("CAT-1", "DRG-1-RED"));

        // an extra sku promoted to the model's own sku leaves the old one unmapped
        Inventory.admin(tenant).body(Map.of("sku", "DRG-1-BLUE")).patch("/api/v1/models/" + dragon).then()
                .statusCode(200).body("sku", equalTo("DRG-1-BLUE")).body("skus", contains("DRG-1-BLUE"));
        Inventory.admin(tenant).get("/api/v1/models/by-sku/DRG-1").then().statusCode(404);
    }

    @Test
    void anotherTenantsSkuMapsNothing() {
        String dragon = model("Dragon", "ISO-1");
        Inventory.admin(tenant).body(Map.of("sku", "ISO-1-V")).post("/api/v1/models/" + dragon + "/skus").then()
                .statusCode(201);
        String other = Inventory.newTenant();
        Inventory.admin(other).get("/api/v1/models/by-sku/ISO-1-V").then().statusCode(404);
        Inventory.admin(other).body(Map.of("sku", "X")).post("/api/v1/models/" + dragon + "/skus").then()
                .statusCode(404);
        model(other, "Their dragon", "ISO-1-V");
    }

    @Test
    void skusOnOrdersThatNoModelMapsAreListedUntilMapped() throws Exception {
        long first = ORDER_IDS.incrementAndGet();
        long second = ORDER_IDS.incrementAndGet();
        model("Known", "KNOWN-1");
        sendOrder("order.created", first, List.of(item(first * 10 + 1, "VASE-L", "Spiral vase, large", 2),
                item(first * 10 + 2, "KNOWN-1", "Known thing", 1), item(first * 10 + 3, null, "Gift wrap", 1)));
        // the same order announced again (a change) replaces its lines: nothing is counted twice
        sendOrder("order.changed", first, List.of(item(first * 10 + 1, "VASE-L", "Spiral vase, large", 3),
                item(first * 10 + 2, "KNOWN-1", "Known thing", 1)));
        sendOrder("order.created", second, List.of(item(second * 10 + 1, "VASE-L", "Spiral vase - large", 1),
                item(second * 10 + 2, "LAMP-S", "Moon lamp", 4)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath page = unmapped();
            assertThat(page.getList("items.sku", String.class)).containsExactlyInAnyOrder("VASE-L", "LAMP-S");
            assertThat(page.getInt("items.find { it.sku == 'VASE-L' }.order_count")).isEqualTo(2);
            assertThat(page.getInt("items.find { it.sku == 'VASE-L' }.quantity")).isEqualTo(4);
            assertThat(page.getInt("items.find { it.sku == 'LAMP-S' }.quantity")).isEqualTo(4);
        });
        JsonPath page = unmapped();
        assertThat(page.getInt("total")).isEqualTo(2);
        assertThat(page.getString("items.find { it.sku == 'LAMP-S' }.title")).isEqualTo("Moon lamp");
        assertThat(page.getString("items.find { it.sku == 'VASE-L' }.last_seen_at")).isNotNull();
        Inventory.admin(tenant).queryParam("size", 1).queryParam("page", 2).get("/api/v1/models/unmapped-skus").then()
                .statusCode(200).body("total", is(2)).body("page", is(2)).body("size", is(1))
                .body("items.size()", is(1));
        Inventory.admin(Inventory.newTenant()).get("/api/v1/models/unmapped-skus").then().body("total", is(0));

        String vase = model("Spiral vase", "VASE");
        Inventory.admin(tenant).body(Map.of("sku", "VASE-L")).post("/api/v1/models/" + vase + "/skus").then()
                .statusCode(201);
        assertThat(unmapped().getList("items.sku", String.class)).containsExactly("LAMP-S");
        model("Moon lamp", "LAMP-S");
        assertThat(unmapped().getInt("total")).isZero();
        Inventory.admin(tenant).queryParam("size", 0).get("/api/v1/models/unmapped-skus").then().statusCode(400);
    }

    private JsonPath unmapped() {
        return Inventory.admin(tenant).get("/api/v1/models/unmapped-skus").then().statusCode(200).extract().jsonPath();
    }

    private String model(String name, String sku) {
        return model(tenant, name, sku);
    }

    private static String model(String tenant, String name, String sku) {
        return Inventory.admin(tenant).body(Map.of("name", name, "sku", sku)).post("/api/v1/models").then()
                .statusCode(201).body("skus", contains(sku)).extract().path("id");
    }

    private static Map<String, Object> item(long id, String sku, String title, int quantity) {
        Map<String, Object> item = new java.util.HashMap<>(Map.of("order_item_id", id, "title", title, "quantity",
                quantity, "price", 12.5));
        item.put("sku", sku);
        return item;
    }

    /** An envelope as order-sync-service's outbox writes it (issue 9 C1 payload). */
    private void sendOrder(String type, long orderId, List<Map<String, Object>> items) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("order_id", orderId, "etsy_order_id",
                "R" + orderId, "status", "paid", "production_status", "pending", "total_amount", 40.0,
                "refunded_amount", 0, "currency", "EUR", "items", items));
        data.put("cost_of_goods", null);
        KafkaTopics.send("orders.events", String.valueOf(orderId),
                Envelopes.envelope("order-sync-service", type, String.valueOf(orderId), tenant, data));
    }
}
