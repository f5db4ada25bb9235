package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.Envelopes;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Issue 9 C1 and C6: order events carry their items and cost of goods; orders follow the production runs
 * made for them from production.runs events in the exact envelope production-service's outbox relays.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class ProductionRunsTest {

    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private String bearer;
    private String tenant;
    private List<Integer> orderIds;

    @BeforeEach
    void syncedShop() {
        SimShop shop = Seller.newShop("Production");
        Seller.etsy().addReceipts(shop, 3, Duration.ofDays(2));
        ExtractableResponse<Response> signedIn = Seller.signIn(shop);
        bearer = "Bearer " + signedIn.path("token");
        tenant = signedIn.path("user.shop_id");
        Seller.sync(bearer).body("synced_count", equalTo(3));
        orderIds = Seller.orders(bearer).extract().path("orders.id");
    }

    @Test
    void orderCreatedCarriesItsItemsWithSkuAndNoCostOfGoodsYet() {
        int orderId = orderIds.get(0);
        JsonPath order = order(orderId);
        ConsumerRecord<String, String> created = KafkaTopics.await("orders.events",
                r -> String.valueOf(orderId).equals(r.key()) && r.value().contains("\"order.created\""), 1,
                Duration.ofSeconds(60)).get(0);
        JsonPath data = JsonPath.from(created.value()).using(DECIMALS).setRootPath("data");
        assertThat(data.getList("items.order_item_id", Integer.class))
                .isEqualTo(order.getList("items.id", Integer.class));
        assertThat(data.getList("items.sku", String.class)).isEqualTo(order.getList("items.sku", String.class))
                .doesNotContainNull();
        assertThat(data.getList("items.quantity", Integer.class))
                .isEqualTo(order.getList("items.quantity", Integer.class));
        // the envelope's JSON tree drops trailing zeros (42.00 arrives as 42): compare the amounts
        assertThat(data.getList("items.price", BigDecimal.class)).usingElementComparator(BigDecimal::compareTo)
                .isEqualTo(order.getList("items.price", BigDecimal.class));
        assertThat(data.getList("items.title", String.class)).doesNotContainNull();
        assertThat(data.getMap("")).containsKey("cost_of_goods");
        assertThat(data.getString("cost_of_goods")).isNull();
    }

    @Test
    void productionStatusFollowsTheRunAndCompletionGivesProducedQuantitiesCostOfGoodsAndMargin() {
        int orderId = orderIds.get(0);
        JsonPath order = order(orderId);
        List<Integer> itemIds = order.getList("items.id", Integer.class);
        List<Integer> quantities = order.getList("items.quantity", Integer.class);
        String runId = UUID.randomUUID().toString();

        List<Map<String, Object>> planned = new ArrayList<>();
        for (int i = 0; i < itemIds.size(); i++) {
            planned.add(runItem(orderId, itemIds.get(i), quantities.get(i), null, null));
        }
        send(runId, "production.run.created", run(runId, "in_progress", planned, null));
        awaitProductionStatus(orderId, "queued");

        send(runId, "production.plate.changed", Map.of("run_id", runId, "run_number", "PR-1", "plate_id",
                UUID.randomUUID().toString(), "plate_number", 1, "status", "printing", "change", "started",
                "copies_per_plate", 1));
        awaitProductionStatus(orderId, "in_progress");

        List<Map<String, Object>> done = new ArrayList<>();
        BigDecimal cost = BigDecimal.ZERO;
        for (int i = 0; i < itemIds.size(); i++) {
            BigDecimal share = new BigDecimal("2.35").add(BigDecimal.valueOf(i));
            cost = cost.add(share);
            done.add(runItem(orderId, itemIds.get(i), quantities.get(i), quantities.get(i), share));
        }
        String completed = envelope(runId, "production.run.completed", run(runId, "completed", done,
                Map.of("material_cost", cost.subtract(new BigDecimal("0.60")), "waste_grams", 4.0, "machine_hours",
                        1.0, "machine_cost", new BigDecimal("0.60"), "cost_of_goods", cost)));
        KafkaTopics.send("production.runs", runId, completed);
        KafkaTopics.send("production.runs", runId, completed);
        awaitProductionStatus(orderId, "completed");

        BigDecimal net = dec(order, "total_amount").subtract(dec(order, "refunded_amount"));
        JsonPath produced = order(orderId);
        assertThat(dec(produced, "cost_of_goods")).isEqualByComparingTo(cost);
        assertThat(dec(produced, "margin")).isEqualByComparingTo(net.subtract(cost));
        assertThat(produced.getList("items.produced_quantity", Integer.class)).isEqualTo(quantities);
        assertThat(dec(produced, "items[0].cost_of_goods")).isEqualByComparingTo("2.35");
        given().header("Authorization", bearer).queryParam("production_status", "completed").get("/api/orders").then()
                .statusCode(200).body("total", equalTo(1)).body("orders[0].id", equalTo(orderId));

        List<ConsumerRecord<String, String>> changed = KafkaTopics.await("orders.events",
                r -> String.valueOf(orderId).equals(r.key()) && compact(r).contains("\"order.changed\"")
                        && compact(r).contains("\"production_status\":\"completed\""), 1, Duration.ofSeconds(60));
        JsonPath event = JsonPath.from(changed.get(0).value()).using(DECIMALS).setRootPath("data");
        assertThat(dec(event, "cost_of_goods")).isEqualByComparingTo(cost);
        assertThat(dec(event, "margin")).isEqualByComparingTo(net.subtract(cost));
        assertThat(event.getList("items.produced_quantity", Integer.class)).isEqualTo(quantities);
        assertThat(KafkaTopics.await("orders.events", r -> String.valueOf(orderId).equals(r.key())
                && compact(r).contains("\"order.status-changed\"")
                && compact(r).contains("\"previous_production_status\":\"in_progress\"")
                && compact(r).contains("\"production_status\":\"completed\""), 1, Duration.ofSeconds(60))).hasSize(1);

        // the duplicate completion changed nothing: still one cost of goods, on one order
        LocalDate day = LocalDate.parse(produced.getString("created_at").substring(0, 10));
        JsonPath margin = JsonPath.from(given().header("Authorization", bearer).queryParam("period", "daily")
                .queryParam("start_date", day.toString()).queryParam("end_date", day.toString())
                .get("/api/analytics/margin").then().statusCode(200).body("period", equalTo("daily"))
                .extract().asString()).using(DECIMALS);
        assertThat(margin.getInt("summary.orders")).isEqualTo(1);
        assertThat(dec(margin, "summary.cost_of_goods")).isEqualByComparingTo(cost);
        assertThat(dec(margin, "summary.revenue")).isEqualByComparingTo(net);
        assertThat(dec(margin, "summary.margin")).isEqualByComparingTo(net.subtract(cost));
        assertThat(dec(margin, "summary.margin_percent")).isEqualByComparingTo(net.subtract(cost)
                .multiply(BigDecimal.valueOf(100)).divide(net, 2, java.math.RoundingMode.HALF_EVEN));
        assertThat(margin.getList("data")).hasSize(1);
        assertThat(margin.getString("data[0].date")).isEqualTo(day.toString());
        assertThat(dec(margin, "data[0].margin")).isEqualByComparingTo(net.subtract(cost));

        // orders without a cost of goods stay out of the margin report
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        given().header("Authorization", bearer).queryParam("period", "weekly")
                .queryParam("start_date", today.minusDays(7).toString())
                .queryParam("end_date", today.plusDays(1).toString()).get("/api/analytics/margin").then()
                .statusCode(200).body("summary.orders", equalTo(1));
        given().header("Authorization", bearer).queryParam("period", "hourly").get("/api/analytics/margin").then()
                .statusCode(400).body("status", equalTo(400));

        JsonPath dashboard = JsonPath.from(given().header("Authorization", bearer).get("/api/analytics/dashboard")
                .then().statusCode(200).extract().asString()).using(DECIMALS);
        assertThat(dec(dashboard, "gross_margin")).isEqualByComparingTo(net.subtract(cost));
    }

    @Test
    void aCancelledRunSendsTheOrderBackToPendingAndAFailedRunFailsIt() {
        int orderId = orderIds.get(1);
        JsonPath order = order(orderId);
        int itemId = order.getInt("items[0].id");
        int quantity = order.getInt("items[0].quantity");
        String cancelled = UUID.randomUUID().toString();
        send(cancelled, "production.run.created",
                run(cancelled, "in_progress", List.of(runItem(orderId, itemId, quantity, null, null)), null));
        awaitProductionStatus(orderId, "queued");
        send(cancelled, "production.run.cancelled", run(cancelled, "cancelled", List.of(), null));
        awaitProductionStatus(orderId, "pending");

        String failed = UUID.randomUUID().toString();
        send(failed, "production.run.created",
                run(failed, "in_progress", List.of(runItem(orderId, itemId, quantity, null, null)), null));
        awaitProductionStatus(orderId, "queued");
        send(failed, "production.run.failed", run(failed, "failed", List.of(), null));
        awaitProductionStatus(orderId, "failed");
        given().header("Authorization", bearer).queryParam("production_status", "failed").get("/api/orders").then()
                .statusCode(200).body("total", equalTo(1));
        assertThat(order(orderId).getString("cost_of_goods")).isNull();
    }

    @Test
    void runEventsOfAnotherShopOrWithoutARunIdChangeNoOrder() {
        int orderId = orderIds.get(2);
        int itemId = order(orderId).getInt("items[0].id");
        String foreign = UUID.randomUUID().toString();
        KafkaTopics.send("production.runs", foreign, Envelopes.envelope("production-service",
                "production.run.created", foreign, "other-shop-" + UUID.randomUUID(),
                run(foreign, "in_progress", List.of(runItem(orderId, itemId, 1, null, null)), null)));
        String broken = UUID.randomUUID().toString();
        Map<String, Object> noRunId = new java.util.HashMap<>(run(broken, "in_progress",
                List.of(runItem(orderId, itemId, 1, null, null)), null));
        noRunId.remove("run_id");
        send(broken, "production.run.created", noRunId);
        assertThat(KafkaTopics.await("dlq.order-sync-service.production.runs", r -> r.value().contains(broken), 1,
                Duration.ofSeconds(60))).hasSize(1);

        // a marker run of this shop on another order, sent last, proves the earlier events were consumed
        int markerOrder = orderIds.get(0);
        int markerItem = order(markerOrder).getInt("items[0].id");
        String marker = UUID.randomUUID().toString();
        send(marker, "production.run.created",
                run(marker, "in_progress", List.of(runItem(markerOrder, markerItem, 1, null, null)), null));
        awaitProductionStatus(markerOrder, "queued");
        given().header("Authorization", bearer).get("/api/orders/" + orderId).then().statusCode(200)
                .body("production_status", equalTo("pending"));
    }

    /** The relayed envelope as JSON without blanks, for matching fields in it. */
    private static String compact(ConsumerRecord<String, String> record) {
        return record.value().replace(" ", "");
    }

    private static BigDecimal dec(JsonPath json, String path) {
        String value = json.getString(path);
        return value == null ? null : new BigDecimal(value);
    }

    private JsonPath order(int orderId) {
        return JsonPath.from(given().header("Authorization", bearer).get("/api/orders/" + orderId).then()
                .statusCode(200).extract().asString()).using(DECIMALS);
    }

    private void awaitProductionStatus(int orderId, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer)
                .get("/api/orders/" + orderId).then().statusCode(200).body("production_status", equalTo(status)));
    }

    private void send(String runId, String type, Map<String, Object> data) {
        KafkaTopics.send("production.runs", runId, envelope(runId, type, data));
    }

    /** The CloudEvents envelope production-service's outbox relays. */
    private String envelope(String runId, String type, Map<String, Object> data) {
        return Envelopes.envelope("production-service", type, runId, tenant, data);
    }

    /** production-service's RunChanged payload with the issue 9 C4 additions. */
    private static Map<String, Object> run(String runId, String status, List<Map<String, Object>> items,
            Map<String, Object> cost) {
        Map<String, Object> run = new java.util.HashMap<>();
        run.put("run_id", runId);
        run.put("run_number", "PR-" + runId.substring(0, 6));
        run.put("status", status);
        run.put("started_at", null);
        run.put("completed_at", "completed".equals(status) ? Instant.now().toString() : null);
        run.put("duration_hours", null);
        run.put("actual_total_filament_grams", null);
        run.put("failure_reason", "failed".equals(status) ? "nozzle clog" : null);
        run.put("cancel_mode", null);
        run.put("material_cost", cost == null ? null : cost.get("material_cost"));
        run.put("material_usage", List.of());
        run.put("items", items);
        if (cost != null) {
            run.put("cost", cost);
        }
        return run;
    }

    private static Map<String, Object> runItem(int orderId, int orderItemId, int quantity, Integer successful,
            BigDecimal costOfGoods) {
        Map<String, Object> item = new java.util.HashMap<>();
        item.put("item_id", UUID.randomUUID().toString());
        item.put("model_id", UUID.randomUUID().toString());
        item.put("quantity", quantity);
        item.put("successful_units", successful == null ? 0 : successful);
        item.put("order_id", orderId);
        item.put("order_item_id", orderItemId);
        if (costOfGoods != null) {
            item.put("cost_of_goods", costOfGoods);
        }
        return item;
    }
}
