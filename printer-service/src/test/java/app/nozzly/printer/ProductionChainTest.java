package app.nozzly.printer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import app.nozzly.printer.notifications.service.WebhookSender;
import app.nozzly.printer.support.LiveClient;
import app.nozzly.printer.support.OfflinePrinters;
import app.nozzly.sim.PrintOutcome;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;
import app.nozzly.testing.Envelopes;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Chain contract C5: production-service's plate events put plates into printer queues (external_ref
 * production-plate:&lt;plate_id&gt; on the print and on every printer.job.* event), and inventory-service's low stock
 * of reserved spools reaches the tenant's webhooks as a signed low_stock notification. The events are sent in the
 * exact envelope the other services' outboxes write.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class ProductionChainTest {

    private static final String TENANT = "chain-tenant";
    private static final String AUTH = TestTokens.bearer(TENANT, "admin");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    static BambuPrinterSimulator bambu;
    static HttpServer receiver;
    static final List<Map<String, String>> webhooks = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stop() {
        if (bambu != null) {
            bambu.close();
            receiver.stop(0);
        }
    }

    private static String plateEvent(String eventId, String runId, String plateId, int plateNumber, String printerId,
            String status, String change, String fileName) {
        Map<String, Object> data = new HashMap<>();
        data.put("run_id", runId);
        data.put("run_number", "PR-0042");
        data.put("plate_id", plateId);
        data.put("plate_number", plateNumber);
        data.put("model_id", "5a0c8c7e-0000-4000-8000-00000000aaaa");
        data.put("printer_id", printerId);
        data.put("status", status);
        data.put("change", change);
        data.put("successful_prints", null);
        data.put("failed_prints", null);
        data.put("copies_per_plate", 2);
        data.put("job_name", "PR-0042 plate " + plateNumber);
        data.put("file_name", fileName);
        data.put("estimated_print_time_minutes", 6);
        return Envelopes.envelope(eventId, "production-service", "production.plate.changed", runId, TENANT, data);
    }

    private static List<JsonNode> scheduledPrints() throws IOException {
        JsonNode all = JSON.readTree(given().header("Authorization", AUTH).queryParam("limit", 100)
                .get("/api/bambu/scheduled-prints").then().statusCode(200).extract().asString());
        List<JsonNode> result = new ArrayList<>();
        all.forEach(result::add);
        return result;
    }

    private static List<JsonNode> printsOf(String plateId) throws IOException {
        return scheduledPrints().stream()
                .filter(p -> ("production-plate:" + plateId).equals(p.path("external_ref").asText())).toList();
    }

    @Test
    void plateEventsQueueMoveAndCancelPrintsAndThePrinterJobEventsCarryThePlateRef() throws Exception {
        bambu = BambuPrinterSimulator.builder().serial("01S00A0B0000042").model(BambuModel.A1).accessCode("42424242")
                .ams(true).timeScale(60.0).reportInterval(Duration.ofMillis(500))
                .projectFileJobs(Duration.ofMinutes(6), PrintOutcome.FINISH, 12.5).start();
        bambu.addFile("/cache/pr-0042-plate-1.3mf", "3mf".getBytes(StandardCharsets.UTF_8));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            webhooks.add(Map.of("body", body, "signature",
                    String.valueOf(exchange.getRequestHeaders().getFirst("X-Nozzly-Signature"))));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        // production-service names printers by UUID
        String printer = UUID.randomUUID().toString();
        String parked = UUID.randomUUID().toString();
        given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("id", printer,
                "name", "Bambu Lab A1 #42", "type", "bambu_lab", "model", "A1", "ip_address", bambu.host(),
                "serial_number", bambu.serial(), "access_code", bambu.accessCode(), "mqtt_port", bambu.mqttPort(),
                "ftps_port", bambu.ftpsPort(), "ca_certificate", bambu.caCertificatePem()))
                .post("/api/v1/printers").then().statusCode(201);
        // a printer that never answers (port 9), so what waits in its queue stays there
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(OfflinePrinters.prusa(parked, "Parked Prusa"))
                .post("/api/v1/printers").then().statusCode(201);

        String runId = UUID.randomUUID().toString();
        String plate1 = UUID.randomUUID().toString();
        String plate2 = UUID.randomUUID().toString();
        String created = Envelopes.newId();
        KafkaTopics.send("production.runs", runId,
                plateEvent(created, runId, plate1, 1, parked, "pending", "created", "pr-0042-plate-1.3mf"));
        // a redelivery of the same event changes nothing
        KafkaTopics.send("production.runs", runId,
                plateEvent(created, runId, plate1, 1, parked, "pending", "created", "pr-0042-plate-1.3mf"));
        KafkaTopics.send("production.runs", runId,
                plateEvent(Envelopes.newId(), runId, plate2, 2, parked, "pending", "created", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> printsOf(plate2).size() == 1);
        List<JsonNode> first = printsOf(plate1);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).path("printer_id").asText()).isEqualTo(parked);
        assertThat(first.get(0).path("status").asText()).isEqualTo("queued");
        assertThat(first.get(0).path("job_name").asText()).isEqualTo("PR-0042 plate 1");
        assertThat(first.get(0).path("file_name").asText()).isEqualTo("pr-0042-plate-1.3mf");
        assertThat(first.get(0).path("estimated_duration_minutes").asInt()).isEqualTo(6);
        assertThat(printsOf(plate2).get(0).path("file_name").asText()).as("no file name: <job_name>.3mf")
                .isEqualTo("PR-0042 plate 2.3mf");
        given().header("Authorization", AUTH).get("/api/bambu/scheduled-prints/" + parked + "/queue").then()
                .statusCode(200).body("job_name", hasItem("PR-0042 plate 1"));

        // plate 2 is cancelled while it waits; plate 1 moves to the live printer, which prints it
        KafkaTopics.send("production.runs", runId,
                plateEvent(Envelopes.newId(), runId, plate2, 2, parked, "cancelled", "cancelled", null));
        KafkaTopics.send("production.runs", runId,
                plateEvent(Envelopes.newId(), runId, plate1, 1, printer, "pending", "updated", "pr-0042-plate-1.3mf"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "cancelled".equals(printsOf(plate2).get(0).path("status").asText()));
        long printId = first.get(0).path("id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<JsonNode> prints = printsOf(plate1);
            return prints.size() == 1 && prints.get(0).path("id").asLong() == printId
                    && "completed".equals(prints.get(0).path("status").asText());
        });
        assertThat(printsOf(plate1).get(0).path("dispatched_printer_id").asText()).isEqualTo(printer);
        given().header("Authorization", AUTH).get("/api/bambu/scheduled-prints/" + parked + "/queue").then()
                .statusCode(200).body("job_name", not(hasItem("PR-0042 plate 1")));
        given().header("Authorization", AUTH).queryParam("printer_id", printer).get("/api/v1/jobs").then()
                .body("jobs[0].status", equalTo("completed"))
                .body("jobs[0].external_ref", equalTo("production-plate:" + plate1));

        List<ConsumerRecord<String, String>> events = KafkaTopics.await("printer.jobs",
                r -> printer.equals(r.key()) && r.value().contains("\"printer.job.finished\""), 1, Duration.ofSeconds(20));
        assertThat(events).isNotEmpty();
        List<JsonNode> jobEvents = KafkaTopics.await("printer.jobs", r -> printer.equals(r.key()), 2,
                Duration.ofSeconds(20)).stream().map(r -> read(r.value())).toList();
        assertThat(jobEvents).extracting(e -> e.path("type").asText())
                .contains("printer.job.started", "printer.job.finished");
        assertThat(jobEvents).allSatisfy(e -> {
            assertThat(e.path("data").path("external_ref").asText()).isEqualTo("production-plate:" + plate1);
            assertThat(e.path("tenant").asText()).isEqualTo(TENANT);
        });
        // a late event about plate 1 (still "pending" at production) queues nothing new once it was printed
        KafkaTopics.send("production.runs", runId,
                plateEvent(Envelopes.newId(), runId, plate1, 1, printer, "pending", "updated", "pr-0042-plate-1.3mf"));
        KafkaTopics.send("production.runs", runId,
                plateEvent(Envelopes.newId(), runId, plate2, 2, parked, "cancelled", "deleted", null));
        // events of one run share a key, so they are handled in order: once plate 3 is queued, the others were seen
        String plate3 = UUID.randomUUID().toString();
        KafkaTopics.send("production.runs", runId,
                plateEvent(Envelopes.newId(), runId, plate3, 3, parked, "pending", "created", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> printsOf(plate3).size() == 1);
        assertThat(printsOf(plate1)).hasSize(1);
        assertThat(printsOf(plate2)).singleElement().satisfies(p -> assertThat(p.path("status").asText())
                .isEqualTo("cancelled"));
    }

    @Test
    void lowStockOfAReservedSpoolReachesTheWebhooksSignedAndUnreservedLowStockDoesNot() throws Exception {
        String printer = "prusa_" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(OfflinePrinters.prusa(printer, "Prusa for alerts"))
                .post("/api/v1/printers").then().statusCode(201);
        HttpServer hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        hooks.createContext("/stock", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("body", body, "signature",
                    String.valueOf(exchange.getRequestHeaders().getFirst("X-Nozzly-Signature"))));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hooks.start();
        try {
            JsonNode settings = JSON.readTree(given().header("Authorization", AUTH).queryParam("printer_id", printer)
                    .get("/api/bambu/notifications").then().statusCode(200).extract().asString());
            given().header("Authorization", AUTH).contentType(ContentType.JSON)
                    .body(Map.of("webhook_url", "http://127.0.0.1:" + hooks.getAddress().getPort() + "/stock"))
                    .put("/api/bambu/notifications/" + settings.path("id").asLong()).then().statusCode(200);

            String item = UUID.randomUUID().toString();
            String reservation = UUID.randomUUID().toString();
            Map<String, Object> unreserved = new HashMap<>(Map.of("item_type", "material", "item_id", item,
                    "spool_id", "SP-PLA-7", "current", 90.5, "threshold", 100, "unit", "g", "reserved", 0,
                    "reservations", List.of()));
            KafkaTopics.send("inventory.stock", item, Envelopes.envelope(Envelopes.newId(), "inventory-service",
                    "inventory.stock.low", item, TENANT, unreserved));
            Map<String, Object> reserved = new HashMap<>(unreserved);
            reserved.put("current", 60.25);
            reserved.put("reserved", 150);
            reserved.put("reservations", List.of(Map.of("reservation_id", reservation, "reference", "PR-0042",
                    "quantity", 150)));
            KafkaTopics.send("inventory.stock", item, Envelopes.envelope(Envelopes.newId(), "inventory-service",
                    "inventory.stock.low", item, TENANT, reserved));

            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
            Thread.sleep(1_500);
            assertThat(received).as("only the low stock that open runs reserved is announced").hasSize(1);
            JsonNode body = JSON.readTree(received.get(0).get("body"));
            assertThat(body.path("event").asText()).isEqualTo("low_stock");
            JsonNode data = body.path("data");
            assertThat(data.path("item_id").asText()).isEqualTo(item);
            assertThat(data.path("spool_id").asText()).isEqualTo("SP-PLA-7");
            assertThat(data.path("current").asDouble()).isEqualTo(60.25);
            assertThat(data.path("threshold").asDouble()).isEqualTo(100);
            assertThat(data.path("reserved").asDouble()).isEqualTo(150);
            assertThat(data.path("reservations").get(0).path("reservation_id").asText()).isEqualTo(reservation);
            assertThat(data.path("reservations").get(0).path("reference").asText()).isEqualTo("PR-0042");
            assertThat(received.get(0).get("signature"))
                    .isEqualTo("sha256=" + WebhookSender.sign(settings.path("webhook_secret").asText(),
                            received.get(0).get("body")));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("Authorization", AUTH)
                    .get("/api/bambu/notifications/" + settings.path("id").asLong() + "/deliveries").then()
                    .statusCode(200).body("data.event", hasItem("low_stock"))
                    .body("data.status", hasItem("delivered")));
        } finally {
            hooks.stop(0);
        }
    }

    @Test
    void aLowStockAlertIsSentOnceWhenItsBatchHasToBeAppliedAgainOneEventAtATime() throws Exception {
        String item = UUID.randomUUID().toString();
        String spool = "SP-ONCE-" + item.substring(0, 8);
        Map<String, Object> low = Map.of("item_type", "material", "item_id", item, "spool_id", spool,
                "current", 40, "threshold", 100, "unit", "g", "reserved", 90, "reservations",
                List.of(Map.of("reservation_id", UUID.randomUUID().toString(), "reference", "PR-0077",
                        "quantity", 90)));
        String unreadable = Envelopes.newId();
        try (LiveClient live = LiveClient.connect(port, AUTH)) {
            // one poll, one batch: the second event's data cannot be read, so the batch's transaction fails and its
            // events are applied again one at a time
            KafkaTopics.sendTogether("inventory.stock", item, List.of(
                    Envelopes.envelope(Envelopes.newId(), "inventory-service", "inventory.stock.low", item, TENANT,
                            low),
                    Envelopes.envelope(unreadable, "inventory-service", "inventory.stock.low", item, TENANT,
                            Map.of("item_id", item, "current", "plenty", "reserved", 5))));
            assertThat(KafkaTopics.await("dlq.printer-service.inventory.stock", r -> r.value().contains(unreadable),
                    1, Duration.ofSeconds(30))).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> !alertsOf(live, spool).isEmpty());
            Thread.sleep(1_000);
            assertThat(alertsOf(live, spool)).as("the alert of the event that was applied").hasSize(1);
        }
    }

    private static List<JsonNode> alertsOf(LiveClient live, String spool) {
        return live.data("system_alert").stream().filter(alert -> "LOW_STOCK".equals(alert.path("code").asText())
                && spool.equals(alert.path("details").path("spool_id").asText())).toList();
    }

    @Test
    void eventsThatCannotBeReadAreDeadLetteredAndQueueNothing() throws Exception {
        String runId = UUID.randomUUID().toString();
        String noPlate = Envelopes.newId();
        Map<String, Object> plate = new HashMap<>(Map.of("run_id", runId, "run_number", "PR-0099", "plate_number", 1,
                "printer_id", "nowhere", "status", "pending", "change", "created"));
        KafkaTopics.send("production.runs", runId, Envelopes.envelope(noPlate, "production-service",
                "production.plate.changed", runId, TENANT, plate));
        String badStock = Envelopes.newId();
        KafkaTopics.send("inventory.stock", runId, Envelopes.envelope(badStock, "inventory-service",
                "inventory.stock.low", runId, TENANT, Map.of("item_id", runId, "current", "plenty", "reserved", 5)));
        assertThat(KafkaTopics.await("dlq.printer-service.production.runs", r -> r.value().contains(noPlate), 1,
                Duration.ofSeconds(30))).hasSize(1);
        assertThat(KafkaTopics.await("dlq.printer-service.inventory.stock", r -> r.value().contains(badStock), 1,
                Duration.ofSeconds(30))).hasSize(1);
        assertThat(scheduledPrints()).noneSatisfy(p -> assertThat(p.path("job_name").asText()).startsWith("PR-0099"));
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
