package app.nozzly.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import app.nozzly.sim.PrintOutcome;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;
import io.restassured.path.json.JsonPath;

/**
 * One Etsy order on its way through the platform, step by step, each step through a service's public API as
 * the seller's apps would call it. The test decides what happens between the steps (a service killed, ...).
 */
final class OrderChain implements AutoCloseable {

    /** What the simulated printer reports per plate: grams of filament and simulated printing time. */
    static final double GRAMS_PER_PLATE = 24.0;
    static final Duration PRINT_TIME = Duration.ofMinutes(40);
    /** Purge and tower the printer does not report but the scale sees. */
    static final double UNREPORTED_GRAMS = 3.5;
    static final double SPOOL_GRAMS = 1000.0;
    static final BigDecimal COST_PER_GRAM = new BigDecimal("0.025");

    final Platform platform;
    final Seller seller;
    final String runNumber;
    final BambuPrinterSimulator printer;
    final String printerId = UUID.randomUUID().toString();

    long receiptId;
    long orderId;
    JsonPath order;
    final Map<String, String> modelBySku = new LinkedHashMap<>();
    String spoolId;
    JsonPath run;
    String runId;
    final List<String> plateIds = new ArrayList<>();

    OrderChain(Platform platform, String shopName, String runNumber) {
        this.platform = platform;
        this.runNumber = runNumber;
        this.seller = Seller.signIn(platform, shopName);
        // 40 simulated minutes pass in about 8 real seconds
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.printer = BambuPrinterSimulator.builder().serial(String.format("03919E2E%07d", random.nextInt(10_000_000)))
                .model(BambuModel.A1).accessCode(String.format("%08d", random.nextInt(100_000_000))).timeScale(300)
                .projectFileJobs(PRINT_TIME, PrintOutcome.FINISH, GRAMS_PER_PLATE).start();
    }

    /** A buyer orders on Etsy; order-sync-service syncs the shop and shows the order with its items and skus. */
    void buyerOrdersOnEtsyAndTheShopSyncs() {
        receiptId = platform.etsy.addReceipts(seller.shop, 1).get(0);
        seller.at(platform.orderSync).post("/api/orders/sync").then().statusCode(200);
        JsonPath orders = seller.at(platform.orderSync).get("/api/orders").then().statusCode(200).extract().jsonPath();
        assertThat(orders.getLong("total")).isEqualTo(1);
        assertThat(orders.getString("orders[0].etsy_order_id")).isEqualTo(String.valueOf(receiptId));
        orderId = orders.getLong("orders[0].id");
        order = order();
        assertThat(order.getList("items")).isNotEmpty();
        assertThat(order.getList("items.sku", String.class)).doesNotContainNull();
        assertThat(order.getString("production_status")).isEqualTo("pending");
    }

    /** The skus of the order show up as unmapped, the seller maps each to a model, and they disappear. */
    void sellerMapsTheSkusToModelsAndStocksASpool() {
        List<String> skus = order.getList("items.sku", String.class).stream().distinct().toList();
        await().atMost(Platform.eventually()).untilAsserted(() -> assertThat(unmappedSkus()).containsAll(skus));
        int status = seller.at(platform.inventory).body(Map.of("code", "PLA", "name", "PLA"))
                .post("/api/v1/material-types").statusCode();
        assertThat(status).isIn(201, 409);
        for (String sku : skus) {
            String title = order.getString("items.find { it.sku == '" + sku + "' }.title");
            String model = seller.at(platform.inventory)
                    .body(Map.of("name", title, "sku", sku, "estimated_grams_per_unit", GRAMS_PER_PLATE))
                    .post("/api/v1/models").then().statusCode(201).extract().path("id");
            modelBySku.put(sku, model);
            seller.at(platform.inventory).get("/api/v1/models/by-sku/" + sku).then().statusCode(200)
                    .body("id", equalTo(model));
        }
        assertThat(unmappedSkus()).doesNotContainAnyElementsOf(skus);
        spoolId = seller.at(platform.inventory).body(Map.of("spool_id", "FIL-" + runNumber, "brand", "Bambu Lab",
                "color", "Matte Black", "material_type", "PLA", "initial_weight_grams", SPOOL_GRAMS, "cost_per_gram",
                COST_PER_GRAM)).post("/api/v1/spools").then().statusCode(201).extract().path("id");
    }

    /** The simulated Bambu printer joins the seller's farm with its own CA, as a farm owner registers it. */
    void sellerRegistersThePrinter() {
        seller.at(platform.printers).body(printer.registration(printerId, "E2E A1 " + runNumber)).post("/api/v1/printers").then().statusCode(201);
    }

    /** A run for the order: one run item per order item, with the spool reserved for the estimate. */
    void sellerPlansARunForTheOrder() {
        List<Map<String, Object>> items = order.getList("items");
        Map<String, Object> material = Map.of("spool_id", spoolId,
                "estimated_model_weight_grams", GRAMS_PER_PLATE * items.size(), "estimated_flushed_grams", 0,
                "estimated_tower_grams", 0);
        run = seller.at(platform.production).body(Map.of("order_ids", List.of(orderId), "run_number", runNumber,
                "notes", "Etsy receipt " + receiptId, "materials", List.of(material)))
                .post("/api/v1/production-runs/for-orders").then().statusCode(201).extract().jsonPath();
        runId = run.getString("id");
        assertThat(run.getList("items")).hasSameSizeAs(items);
        for (Map<String, Object> item : items) {
            long itemId = ((Number) item.get("id")).longValue();
            Map<String, Object> runItem = run.getMap("items.find { it.order_item_id == " + itemId + " }");
            assertThat(runItem).as("run item of order item %s", itemId).isNotNull();
            assertThat(((Number) runItem.get("order_id")).longValue()).isEqualTo(orderId);
            assertThat(runItem.get("model_id")).isEqualTo(modelBySku.get((String) item.get("sku")));
            assertThat(runItem.get("quantity")).isEqualTo(item.get("quantity"));
        }
        await().atMost(Platform.eventually()).untilAsserted(
                () -> assertThat(order().getString("production_status")).isEqualTo("queued"));
    }

    /** One plate per run item, all on the registered printer; the printer's SD card holds each plate's file. */
    void sellerAssignsPlatesToThePrinter() {
        List<Map<String, Object>> items = run.getList("items");
        for (int n = 1; n <= items.size(); n++) {
            Map<String, Object> item = items.get(n - 1);
            printer.addFile("/cache/" + jobName(n) + ".3mf", ("3MF of " + jobName(n)).getBytes(StandardCharsets.UTF_8));
            String plateId = seller.at(platform.production).body(Map.of("plate_number", n, "model_id",
                    item.get("model_id"), "printer_id", printerId, "copies_per_plate", item.get("quantity"),
                    "estimated_print_time_minutes", PRINT_TIME.toMinutes()))
                    .post("/api/v1/production-runs/" + runId + "/plates").then().statusCode(201).extract().path("id");
            plateIds.add(plateId);
        }
    }

    /** printer-service put exactly one scheduled print per plate in the printer's queue, named after the plate. */
    void platesAreQueuedOnThePrinter() {
        await().atMost(Platform.eventually()).untilAsserted(() -> {
            List<Map<String, Object>> prints = scheduledPrints();
            for (int n = 1; n <= plateIds.size(); n++) {
                String ref = "production-plate:" + plateIds.get(n - 1);
                List<Map<String, Object>> forPlate = prints.stream().filter(p -> ref.equals(p.get("external_ref")))
                        .toList();
                assertThat(forPlate).as("scheduled prints of %s", ref).hasSize(1);
                assertThat(forPlate.get(0).get("job_name")).isEqualTo(jobName(n));
            }
        });
    }

    /** The simulated printer printed every plate: printer-service shows one completed job per plate. */
    void printerFinishesEveryPlate() {
        await().atMost(Platform.eventually()).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Map<String, Object>> jobs = jobs();
            for (String plateId : plateIds) {
                List<Map<String, Object>> forPlate = jobs.stream()
                        .filter(j -> ("production-plate:" + plateId).equals(j.get("external_ref"))).toList();
                assertThat(forPlate).as("printer jobs of plate %s", plateId).hasSize(1);
                assertThat(forPlate.get(0).get("status")).isEqualTo("completed");
            }
        });
    }

    /** production-service completed each plate from printer-service's events, with every copy successful. */
    void platesCompleteByEvent() {
        await().atMost(Platform.eventually()).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String plateId : plateIds) {
                JsonPath plate = seller.at(platform.production)
                        .get("/api/v1/production-runs/" + runId + "/plates/" + plateId).then().statusCode(200)
                        .extract().jsonPath();
                assertThat(plate.getString("status")).as("plate %s", plateId).isEqualTo("completed");
                assertThat(plate.getInt("successful_prints")).isEqualTo(plate.getInt("copies_per_plate"));
                assertThat(plate.getString("started_at")).isNotNull();
            }
        });
        JsonPath current = runView();
        assertThat(current.getString("status")).isEqualTo("in_progress");
        // the printer's reported grams pre-fill the run's actual usage of its one material
        assertThat(current.getDouble("materials[0].actual_total_grams"))
                .isCloseTo(GRAMS_PER_PLATE * plateIds.size(), offset(0.01));
        assertThat(order().getString("production_status")).isEqualTo("in_progress");
    }

    /** The seller weighs the spool before and after; the scale also sees the unreported purge. */
    double sellerRecordsTheWeights() {
        double consumed = GRAMS_PER_PLATE * plateIds.size() + UNREPORTED_GRAMS;
        seller.at(platform.production).body(Map.of("spool_weight_before_grams", SPOOL_GRAMS,
                "spool_weight_after_grams", SPOOL_GRAMS - consumed))
                .patch("/api/v1/production-runs/" + runId + "/materials/" + run.getString("materials[0].id"))
                .then().statusCode(200);
        return consumed;
    }

    JsonPath sellerCompletesTheRun() {
        return seller.at(platform.production).post("/api/v1/production-runs/" + runId + "/complete").then()
                .statusCode(200).extract().jsonPath();
    }

    /** order-sync-service shows the order produced, once the run's completion reached it. */
    JsonPath orderShowsItsCostOfGoods() {
        await().atMost(Platform.eventually()).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath current = order();
            assertThat(current.getString("production_status")).isEqualTo("completed");
            assertThat(current.getString("cost_of_goods")).isNotNull();
        });
        return order();
    }

    JsonPath order() {
        return seller.at(platform.orderSync).get("/api/orders/" + orderId).then().statusCode(200).extract().jsonPath();
    }

    JsonPath runView() {
        return seller.at(platform.production).get("/api/v1/production-runs/" + runId).then().statusCode(200).extract()
                .jsonPath();
    }

    /** Ledger rows of the spool caused by the run that moved stock (reservations move none). */
    List<Map<String, Object>> spoolLedgerOfTheRun() {
        List<Map<String, Object>> rows = seller.at(platform.inventory).queryParam("item_id", spoolId)
                .queryParam("cause_id", runId).queryParam("size", 500).get("/api/v1/inventory/transactions").then()
                .statusCode(200).extract().jsonPath().getList("items");
        return rows.stream().filter(r -> ((Number) r.get("signed_quantity")).doubleValue() != 0).toList();
    }

    double spoolGrams() {
        return seller.at(platform.inventory).get("/api/v1/spools/" + spoolId).then().statusCode(200).extract()
                .jsonPath().getDouble("current_weight_grams");
    }

    List<Map<String, Object>> scheduledPrints() {
        return seller.at(platform.printers).queryParam("printer_id", printerId).queryParam("limit", 100)
                .get("/api/bambu/scheduled-prints").then().statusCode(200).extract().jsonPath().getList("$");
    }

    List<Map<String, Object>> jobs() {
        return seller.at(platform.printers).queryParam("printer_id", printerId).queryParam("limit", 100)
                .get("/api/v1/jobs").then().statusCode(200).extract().jsonPath().getList("jobs");
    }

    JsonPath marginToday(String period) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String yesterday = today.minusDays(1).toString();
        String tomorrow = today.plusDays(1).toString();
        return seller.at(platform.orderSync).queryParam("period", period).queryParam("start_date", yesterday)
                .queryParam("end_date", tomorrow).get("/api/analytics/margin").then().statusCode(200).extract()
                .jsonPath();
    }

    String jobName(int plateNumber) {
        return runNumber + " plate " + plateNumber;
    }

    static BigDecimal money(Object value) {
        return new BigDecimal(String.valueOf(value)).setScale(2, RoundingMode.HALF_EVEN);
    }

    private List<String> unmappedSkus() {
        return seller.at(platform.inventory).queryParam("size", 500).get("/api/v1/models/unmapped-skus").then()
                .statusCode(200).extract().jsonPath().getList("items.sku", String.class);
    }

    @Override
    public void close() {
        printer.close();
    }
}
