package app.nozzly.production.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.testing.Envelopes;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 9 C4: a run for an order (order read from order-sync, skus mapped by the real inventory-service), plates
 * announced for printers, printer.job events with the plate's external_ref completing the plates and pre-filling
 * the grams, and completion moving stock with the cost of goods shared out over the order's items.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
@QuarkusTestResource(OrderSyncFake.class)
class RunsForOrdersTest {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunsApi runs = new RunsApi();

    @Test
    void runForAnOrderIsPrintedByEventsCompletedAndCarriesItsCostOfGoods() throws Exception {
        String vase = runs.inventory.model("Spiral vase", "VASE-" + IDS.incrementAndGet(), 20);
        String lamp = runs.inventory.model("Moon lamp", "LAMP-" + IDS.incrementAndGet(), 60);
        String lampVariant = runs.inventory.extraSku(lamp, "LAMP-BLUE-" + IDS.incrementAndGet());
        String spool = runs.inventory.spool("FIL-ORD", 1000, 0.025);
        long orderId = IDS.incrementAndGet();
        long vaseLine = IDS.incrementAndGet();
        long lampLine = IDS.incrementAndGet();
        OrderSyncFake.order(orderId, List.of(line(vaseLine, runs.inventory.skuOf(vase), "Spiral vase", 2),
                line(lampLine, lampVariant, "Moon lamp, blue", 1)));
        String printer = UUID.randomUUID().toString();

        JsonPath run = runs.api().body(Map.of("order_ids", List.of(orderId), "notes", "Etsy order",
                "materials", List.of(Map.of("spool_id", spool, "estimated_model_weight_grams", 100))))
                .post("/api/v1/production-runs/for-orders").then().statusCode(201).extract().jsonPath();
        String runId = run.getString("id");
        String runNumber = run.getString("run_number");
        assertThat(OrderSyncFake.AUTHORIZATIONS).contains(runs.bearer);
        assertThat(run.getList("items")).hasSize(2);
        assertThat(run.getString("items.find { it.order_item_id == " + vaseLine + " }.model_id")).isEqualTo(vase);
        assertThat(run.getInt("items.find { it.order_item_id == " + vaseLine + " }.quantity")).isEqualTo(2);
        assertThat(run.getLong("items.find { it.order_item_id == " + lampLine + " }.order_id")).isEqualTo(orderId);
        assertThat(run.getString("items.find { it.order_item_id == " + lampLine + " }.model_id")).isEqualTo(lamp);
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(900);

        JsonNode created = event(runId, "production.run.created", 1).get(0);
        assertThat(created.path("items")).hasSize(2);
        for (JsonNode item : created.path("items")) {
            assertThat(item.path("item_id").asText()).isNotBlank();
            assertThat(item.path("order_id").asLong()).isEqualTo(orderId);
            assertThat(List.of(vaseLine, lampLine)).contains(item.path("order_item_id").asLong());
        }

        String plate1 = plate(runId, vase, printer, 2, 90, null);
        String plate2 = plate(runId, lamp, printer, 1, 30, "lamp.3mf");
        List<JsonNode> plateEvents = event(runId, "production.plate.changed", 2);
        assertThat(plateEvents.get(0).path("job_name").asText()).isEqualTo(runNumber + " plate 1");
        assertThat(plateEvents.get(0).path("file_name").isNull()).isTrue();
        assertThat(plateEvents.get(0).path("estimated_print_time_minutes").asInt()).isEqualTo(90);
        assertThat(plateEvents.get(0).path("printer_id").asText()).isEqualTo(printer);
        assertThat(plateEvents.get(0).path("status").asText()).isEqualTo("pending");
        assertThat(plateEvents.get(1).path("file_name").asText()).isEqualTo("lamp.3mf");
        assertThat(plateEvents.get(1).path("job_name").asText()).isEqualTo(runNumber + " plate 2");

        // the printer prints plate 2 first: the external_ref, not the queue order, names the plate
        Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
        printerJob(printer, "printer.job.started", plate2, t0, null, null, null);
        printerJob(printer, "printer.job.finished", plate2, t0, t0.plusSeconds(30 * 60), 60.0, null);
        printerJob(printer, "printer.job.started", plate1, t0.plusSeconds(3600), null, null, null);
        printerJob(printer, "printer.job.finished", plate1, t0.plusSeconds(3600), t0.plusSeconds(3600 + 90 * 60),
                41.0, List.of(tray("PLA", "Matte Black", 40.0)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath plates = runs.api().get("/api/v1/production-runs/" + runId + "/plates").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(plates.getList("plates.status")).containsExactly("completed", "completed");
        });
        JsonPath first = runs.api().get("/api/v1/production-runs/" + runId + "/plates/" + plate1).then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getInt("successful_prints")).isEqualTo(2);
        assertThat(first.getString("job_name")).isEqualTo(runNumber + " plate 1");
        JsonPath printed = runs.get(runId);
        assertThat(printed.getDouble("materials[0].actual_total_grams")).isEqualTo(100.0);
        assertThat(printed.getString("materials[0].usage_method")).isEqualTo("printer");

        JsonPath done = runs.api().post("/api/v1/production-runs/" + runId + "/complete").then().statusCode(200)
                .extract().jsonPath();
        assertThat(done.getString("status")).isEqualTo("completed");
        List<Map<String, Object>> ledger = runs.inventory.ledger(spool, UUID.fromString(runId));
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).get("kind")).isEqualTo("consumption");
        assertThat(((Number) ledger.get(0).get("quantity")).doubleValue()).isEqualTo(100);
        assertThat(runs.inventory.currentGrams(spool)).isEqualTo(900);
        assertThat(runs.inventory.finishedUnits(vase)).isEqualTo(2);
        assertThat(runs.inventory.finishedUnits(lamp)).isEqualTo(1);

        // 100 g x 0.025 = 2.50; 2 h of printing x 0.60 = 1.20; shared 40:60 by units x estimated grams
        JsonNode completed = event(runId, "production.run.completed", 1).get(0);
        JsonNode cost = completed.path("cost");
        assertThat(cost.path("material_cost").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(cost.path("machine_hours").asDouble()).isEqualTo(2.0);
        assertThat(cost.path("machine_cost").decimalValue()).isEqualByComparingTo("1.20");
        assertThat(cost.path("cost_of_goods").decimalValue()).isEqualByComparingTo("3.70");
        assertThat(cost.path("waste_grams").asDouble()).isZero();
        Map<Long, BigDecimal> shares = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode item : completed.path("items")) {
            shares.put(item.path("order_item_id").asLong(), item.path("cost_of_goods").decimalValue());
            sum = sum.add(item.path("cost_of_goods").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo(cost.path("cost_of_goods").decimalValue());
        assertThat(shares.get(vaseLine)).isEqualByComparingTo("1.48");
        assertThat(shares.get(lampLine)).isEqualByComparingTo("2.22");
        assertThat(done.getDouble("cost.cost_of_goods")).isEqualTo(3.7);
        assertThat(done.getDouble("items.find { it.order_item_id == " + lampLine + " }.cost_of_goods"))
                .isEqualTo(2.22);
    }

    @Test
    void unmappedSkusAreNamedAndNothingIsCreated() {
        String known = runs.inventory.model("Known", "KNOWN-" + IDS.incrementAndGet(), 10);
        long orderId = IDS.incrementAndGet();
        OrderSyncFake.order(orderId, List.of(line(IDS.incrementAndGet(), runs.inventory.skuOf(known), "Known", 1),
                line(IDS.incrementAndGet(), "NOBODY-1", "Unknown thing", 1),
                line(IDS.incrementAndGet(), "NOBODY-2", "Other unknown", 3)));
        runs.api().body(Map.of("order_ids", List.of(orderId))).post("/api/v1/production-runs/for-orders").then()
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("NOBODY-1")).body("detail", containsString("NOBODY-2"));
        runs.api().get("/api/v1/production-runs").then().statusCode(200).body("total", org.hamcrest.Matchers.is(0));
        runs.api().body(Map.of("order_ids", List.of(IDS.incrementAndGet()))).post("/api/v1/production-runs/for-orders")
                .then().statusCode(404).contentType("application/problem+json");
        runs.api().body(Map.of("order_ids", List.of())).post("/api/v1/production-runs/for-orders").then()
                .statusCode(400);
    }

    @Test
    void anOrderItemInAnOpenRunCannotBePlannedTwice() {
        String model = runs.inventory.model("Twice", "TWICE-" + IDS.incrementAndGet(), 10);
        long orderId = IDS.incrementAndGet();
        OrderSyncFake.order(orderId, List.of(line(IDS.incrementAndGet(), runs.inventory.skuOf(model), "Twice", 1)));
        String runId = runs.api().body(Map.of("order_ids", List.of(orderId))).post("/api/v1/production-runs/for-orders")
                .then().statusCode(201).extract().path("id");
        runs.api().body(Map.of("order_ids", List.of(orderId))).post("/api/v1/production-runs/for-orders").then()
                .statusCode(409).contentType("application/problem+json");
        runs.api().body(Map.of()).post("/api/v1/production-runs/" + runId + "/cancel").then().statusCode(200);
        runs.api().body(Map.of("order_ids", List.of(orderId))).post("/api/v1/production-runs/for-orders").then()
                .statusCode(201);
    }

    private String plate(String runId, String model, String printer, int copies, int minutes, String fileName) {
        Map<String, Object> body = new HashMap<>(Map.of("model_id", model, "printer_id", printer, "copies_per_plate",
                copies, "estimated_print_time_minutes", minutes));
        if (fileName != null) {
            body.put("file_name", fileName);
        }
        return runs.api().body(body).post("/api/v1/production-runs/" + runId + "/plates").then().statusCode(201)
                .extract().path("id");
    }

    private static Map<String, Object> line(long id, String sku, String title, int quantity) {
        return Map.of("id", id, "title", title, "sku", sku, "quantity", quantity, "price", 20.0,
                "produced_quantity", 0);
    }

    private static Map<String, Object> tray(String materialType, String color, double grams) {
        return Map.of("ams_id", 0, "tray_id", 1, "material_type", materialType, "color", color, "grams", grams);
    }

    /** A printer.job.* envelope exactly as printer-service's outbox writes it (JobEventPayload, key printer id). */
    private void printerJob(String printer, String type, String plateId, Instant started, Instant ended, Double grams,
            List<Map<String, Object>> trays) throws Exception {
        Map<String, Object> data = new HashMap<>();
        data.put("job_id", IDS.incrementAndGet());
        data.put("printer_id", printer);
        data.put("printer_name", "A1 test");
        data.put("job_name", "plate job");
        data.put("status", type.endsWith("finished") ? "completed" : "printing");
        data.put("progress", type.endsWith("finished") ? 100.0 : 0.0);
        data.put("started_at", started.toString());
        data.put("ended_at", ended == null ? null : ended.toString());
        data.put("filament_used_grams", grams);
        data.put("trays", trays == null ? List.of() : trays);
        data.put("scheduled_print_id", 7L);
        data.put("external_ref", "production-plate:" + plateId);
        KafkaTopics.send("printer.jobs", printer, Envelopes.envelope("printer-service", type, printer, runs.tenant, data));
    }

    private static List<JsonNode> event(String runId, String type, int count) {
        return KafkaTopics.await("production.runs", r -> runId.equals(r.key()) && r.value().contains("\"" + type + "\""),
                count, Duration.ofSeconds(30)).stream().map(r -> {
                    try {
                        return JSON.readTree(r.value()).path("data");
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}
