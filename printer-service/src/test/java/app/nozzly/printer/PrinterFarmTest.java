package app.nozzly.printer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import app.nozzly.printer.notifications.service.WebhookSender;
import app.nozzly.printer.support.LiveClient;
import app.nozzly.sim.PrintOutcome;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;
import app.nozzly.sim.prusa.PrusaLinkSimulator;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The "must show", against the printer simulators over real TLS MQTT, implicit FTPS and Digest HTTP:
 * a queued print runs, is visible on REST and /ws, completes with its Kafka events and a signed webhook (retried
 * after a 500); a printer whose simulator stops answering turns offline while the others keep updating.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrinterFarmTest {

    private static final String TENANT = "farm-tenant";
    private static final String AUTH = TestTokens.bearer(TENANT, "admin");
    private static final String BAMBU = "bambu_a1_farm";
    private static final String PRUSA = "prusa_core_farm";
    private static final ObjectMapper JSON = new ObjectMapper();

    static BambuPrinterSimulator bambu;
    static PrusaLinkSimulator prusa;
    static HttpServer receiver;
    static final List<Map<String, String>> webhooks = new CopyOnWriteArrayList<>();
    static final AtomicInteger webhookCalls = new AtomicInteger();

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** Started from the test methods, so the simulators live in the class loader of the running test. */
    static synchronized void startFarm() throws IOException {
        if (bambu != null) {
            return;
        }
        bambu = BambuPrinterSimulator.builder().serial("01S00A0B0000077").model(BambuModel.A1).accessCode("12345678")
                .ams(true).timeScale(60.0).reportInterval(Duration.ofMillis(500))
                .projectFileJobs(Duration.ofMinutes(8), PrintOutcome.FINISH, 12.5).start();
        bambu.addFile("/cache/bracket.3mf", "3mf-bytes-of-a-bracket".getBytes(StandardCharsets.UTF_8));
        prusa = PrusaLinkSimulator.builder().model("Core One").username("maker").password("secret").timeScale(60.0)
                .start();
        prusa.addFile("usb", "/bracket.bgcode", "bgcode".getBytes(StandardCharsets.UTF_8));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int call = webhookCalls.incrementAndGet();
            webhooks.add(Map.of("body", body, "signature",
                    String.valueOf(exchange.getRequestHeaders().getFirst("X-Nozzly-Signature"))));
            // the first delivery fails, so the retry path is exercised
            exchange.sendResponseHeaders(call == 1 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    static synchronized void stopFarm() {
        if (bambu != null) {
            bambu.close();
            prusa.close();
            receiver.stop(0);
        }
    }

    @Test
    @Order(1)
    void queuedPrintRunsLiveAndCompletesWithEventsAndSignedWebhook() throws Exception {
        startFarm();
        given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("id", BAMBU,
                "name", "Bambu Lab A1 #77", "type", "bambu_lab", "model", "A1", "ip_address", bambu.host(),
                "serial_number", bambu.serial(), "access_code", bambu.accessCode(), "mqtt_port", bambu.mqttPort(),
                "ftps_port", bambu.ftpsPort(), "ca_certificate", bambu.caCertificatePem()))
                .post("/api/v1/printers").then().statusCode(201);
        given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("id", PRUSA,
                "name", "Prusa Core One #1", "type", "prusa", "ip_address", prusa.url(), "username", "maker",
                "password", "secret"))
                .post("/api/v1/printers").then().statusCode(201);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().header("Authorization", AUTH).get("/api/v1/printers/" + BAMBU).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("idle"))
                    .body("connection_status", org.hamcrest.Matchers.equalTo("connected"))
                    .body("temperatures.nozzle", org.hamcrest.Matchers.notNullValue());
            given().header("Authorization", AUTH).get("/api/v1/printers/" + PRUSA).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("idle"));
        });
        // AMS trays synced from the reports
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("Authorization", AUTH)
                .queryParam("printer_id", BAMBU).get("/api/bambu/materials").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(4))
                .body("[0].material_type", org.hamcrest.Matchers.notNullValue()));

        JsonNode settings = JSON.readTree(given().header("Authorization", AUTH).queryParam("printer_id", BAMBU)
                .get("/api/bambu/notifications").then().statusCode(200).extract().asString());
        String secret = settings.path("webhook_secret").asText();
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(Map.of("webhook_url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))
                .put("/api/bambu/notifications/" + settings.path("id").asLong()).then().statusCode(200);

        LiveClient live = LiveClient.connect(port, AUTH);
        List<JsonNode> messages = live.messages();

        given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("printer_id", BAMBU,
                "job_name", "Custom Bracket", "file_name", "bracket.3mf", "material_type", "PLA", "material_slot", 1,
                "estimated_duration_minutes", 8, "priority", 1, "external_ref", "plate:farm-1"))
                .post("/api/bambu/scheduled-prints").then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("queued"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> "RUNNING".equals(bambu.gcodeState()) || "PREPARE".equals(bambu.gcodeState()));
        // visible on REST and on /ws within 2 s of the simulator's report
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            given().header("Authorization", AUTH).queryParam("printer_id", BAMBU).queryParam("status", "printing")
                    .get("/api/v1/jobs").then().statusCode(200)
                    .body("jobs.size()", org.hamcrest.Matchers.equalTo(1))
                    .body("jobs[0].external_ref", org.hamcrest.Matchers.equalTo("plate:farm-1"));
            assertThat(messages).anySatisfy(m -> {
                assertThat(m.path("type").asText()).isEqualTo("job_update");
                assertThat(m.path("data").path("printer_id").asText()).isEqualTo(BAMBU);
                assertThat(m.path("data").path("status").asText()).isEqualTo("printing");
            });
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("Authorization", AUTH)
                .queryParam("printer_id", BAMBU).get("/api/v1/jobs").then()
                .body("jobs[0].progress", org.hamcrest.Matchers.greaterThan(0f)));
        assertThat(messages).anySatisfy(m -> assertThat(m.path("type").asText()).isEqualTo("printer_status"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", AUTH)
                .queryParam("printer_id", BAMBU).get("/api/v1/jobs").then()
                .body("jobs[0].status", org.hamcrest.Matchers.equalTo("completed"))
                .body("jobs[0].material_info.actual_usage", org.hamcrest.Matchers.notNullValue()));
        live.close();

        List<ConsumerRecord<String, String>> events = KafkaTopics.await("printer.jobs",
                r -> BAMBU.equals(r.key()) && r.value().contains("plate:farm-1"), 5, Duration.ofSeconds(20));
        List<String> types = events.stream().map(r -> read(r.value()).path("type").asText()).toList();
        assertThat(types).contains("printer.job.started", "printer.job.progress", "printer.job.finished");
        JsonNode finished = events.stream().map(r -> read(r.value()))
                .filter(e -> "printer.job.finished".equals(e.path("type").asText())).findFirst().orElseThrow();
        assertThat(finished.path("tenant").asText()).isEqualTo(TENANT);
        assertThat(finished.path("data").path("status").asText()).isEqualTo("completed");
        assertThat(finished.path("data").path("filament_used_grams").asDouble()).isGreaterThan(0);
        assertThat(finished.path("data").path("scheduled_print_id").isNumber()).isTrue();
        assertThat(KafkaTopics.await("printer.status", r -> BAMBU.equals(r.key()), 1, Duration.ofSeconds(10))).isNotEmpty();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(webhooks)
                .anySatisfy(w -> assertThat(w.get("body")).contains("\"print_complete\"")));
        assertThat(webhookCalls.get()).isGreaterThanOrEqualTo(3);
        for (Map<String, String> hook : webhooks) {
            assertThat(hook.get("signature")).isEqualTo("sha256=" + WebhookSender.sign(secret, hook.get("body")));
        }
        long startDeliveries = webhooks.stream().filter(w -> w.get("body").contains("\"print_start\"")).count();
        assertThat(startDeliveries).as("print_start answered 500 first, then was retried").isEqualTo(2);
        given().header("Authorization", AUTH).get("/api/bambu/notifications/" + settings.path("id").asLong() + "/deliveries")
                .then().statusCode(200).body("data.status", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.equalTo("delivered")));
        given().header("Authorization", AUTH).queryParam("printer_id", BAMBU).get("/api/bambu/scheduled-prints")
                .then().body("[0].status", org.hamcrest.Matchers.equalTo("completed"));

        // the printer's SD card over implicit FTPS (the simulator insists on TLS session reuse for data channels)
        String fileId = await().atMost(Duration.ofSeconds(20)).until(() -> given().header("Authorization", AUTH)
                .queryParam("printer_id", BAMBU).queryParam("search", "bracket").get("/api/v1/files").then()
                .statusCode(200).extract().<String> path("files[0].id"), java.util.Objects::nonNull);
        given().header("Authorization", AUTH).post("/api/v1/files/" + fileId + "/download").then().statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("downloading"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", AUTH)
                .get("/api/v1/files/" + fileId + "/download/status").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("completed"))
                .body("bytes_downloaded", org.hamcrest.Matchers.equalTo(22)));
        given().header("Authorization", AUTH).get("/api/v1/files/" + fileId).then()
                .body("status", org.hamcrest.Matchers.equalTo("downloaded"));
    }

    @Test
    @Order(2)
    void stoppedPrinterTurnsOfflineWhileOthersKeepUpdating() throws IOException {
        startFarm();
        bambu.startPrint("bracket.3mf", Duration.ofMinutes(30), PrintOutcome.FINISH, 5);
        prusa.goOffline();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", AUTH)
                    .get("/api/v1/printers/" + PRUSA).then().body("status", org.hamcrest.Matchers.equalTo("offline")));
            float before = given().header("Authorization", AUTH).get("/api/v1/printers/" + BAMBU).then()
                    .body("status", org.hamcrest.Matchers.equalTo("printing")).extract().path("current_job.progress");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    given().header("Authorization", AUTH).get("/api/v1/printers/" + BAMBU).then().extract()
                            .<Float> path("current_job.progress")).isGreaterThan(before));
            assertThat(KafkaTopics.await("printer.status", r -> PRUSA.equals(r.key()) && r.value().contains("\"offline\""),
                    1, Duration.ofSeconds(10))).hasSize(1);
        } finally {
            prusa.comeBack();
        }
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", AUTH)
                    .get("/api/v1/printers/" + PRUSA).then().body("status", org.hamcrest.Matchers.equalTo("idle")));
        } finally {
            stopFarm();
        }
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
