package app.nozzly.printer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
 * Against simulated printers over their real protocols (Bambu TLS MQTT, PrusaLink Digest HTTP): pause, resume and
 * cancel of a live print act on the real print (specs/003 cancel; pause/resume are our extensions), and /ws delivers
 * system_alert messages when a printer reports an error, stops answering and comes back.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrintControlAndAlertsTest {

    private static final String TENANT = "control-tenant";
    private static final String AUTH = TestTokens.bearer(TENANT, "admin");
    private static final String PRINTER = "bambu_x1c_control";
    private static final ObjectMapper JSON = new ObjectMapper();

    static BambuPrinterSimulator bambu;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** Started from a test method, so the simulator lives in the class loader of the running test. */
    static synchronized void startPrinter() {
        if (bambu != null) {
            return;
        }
        bambu = BambuPrinterSimulator.builder().serial("00M09A350100088").model(BambuModel.X1C).accessCode("87654321")
                .ams(true).timeScale(60.0).reportInterval(Duration.ofMillis(500)).start();
        given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("id", PRINTER,
                "name", "Bambu Lab X1C #88", "type", "bambu_lab", "model", "X1C", "ip_address", bambu.host(),
                "serial_number", bambu.serial(), "access_code", bambu.accessCode(), "mqtt_port", bambu.mqttPort(),
                "ftps_port", bambu.ftpsPort(), "ca_certificate", bambu.caCertificatePem()))
                .post("/api/v1/printers").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", AUTH)
                .get("/api/v1/printers/" + PRINTER).then().statusCode(200).body("status", equalTo("idle")));
    }

    @AfterAll
    static void stopPrinter() {
        if (bambu != null) {
            bambu.close();
        }
    }

    private static JsonNode job(long id) throws IOException {
        return JSON.readTree(given().header("Authorization", AUTH).get("/api/v1/jobs/" + id).then().statusCode(200)
                .extract().asString());
    }

    private static long runningJob(String printer, String name) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> given().header("Authorization", AUTH)
                .queryParam("printer_id", printer).queryParam("status", "printing").get("/api/v1/jobs").then()
                .statusCode(200).extract().<List<Map<String, Object>>> path("jobs").stream()
                .filter(j -> String.valueOf(j.get("job_name")).startsWith(name)).map(j -> ((Number) j.get("id")).longValue())
                .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    @Test
    @Order(1)
    void pauseResumeAndCancelActOnTheRealBambuPrintOverMqttAndTheJobEndsCancelled() throws Exception {
        startPrinter();
        bambu.startPrint("gearbox.3mf", Duration.ofMinutes(90), PrintOutcome.FINISH, 40);
        controlLivePrint(PRINTER, "gearbox", bambu::gcodeState, "PAUSE", "RUNNING", "FAILED");
    }

    @Test
    @Order(3)
    void pauseResumeAndCancelActOnTheRealPrusaPrintOverDigestHttpAndTheJobEndsCancelled() throws Exception {
        try (PrusaLinkSimulator prusa = PrusaLinkSimulator.builder().model("Core One").username("maker")
                .password("secret").timeScale(60.0).start()) {
            String id = "prusa_core_control";
            given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("id", id,
                    "name", "Prusa Core One #2", "type", "prusa", "ip_address", prusa.url(), "username", "maker",
                    "password", "secret")).post("/api/v1/printers").then().statusCode(201);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", AUTH)
                    .get("/api/v1/printers/" + id).then().statusCode(200).body("status", equalTo("idle")));
            prusa.startPrint("housing.bgcode", Duration.ofMinutes(90), PrintOutcome.FINISH, 30);
            controlLivePrint(id, "housing", prusa::state, "PAUSED", "PRINTING", "STOPPED");
            given().header("Authorization", AUTH).delete("/api/v1/printers/" + id).then().statusCode(200);
        }
    }

    /** Pause, resume and cancel one live print through the API, checking each on the printer itself. */
    private static void controlLivePrint(String printer, String jobName, Supplier<String> printerState, String paused,
            String running, String stopped) throws Exception {
        long id = runningJob(printer, jobName);
        given().header("Authorization", AUTH).post("/api/v1/jobs/" + id + "/resume").then().statusCode(409)
                .body("error.code", equalTo("JOB_NOT_PAUSED"));
        given().header("Authorization", AUTH).post("/api/v1/jobs/" + id + "/pause").then().statusCode(200)
                .body("id", equalTo((int) id));
        await().atMost(Duration.ofSeconds(5)).until(() -> paused.equals(printerState.get()));
        await().atMost(Duration.ofSeconds(5)).until(() -> "paused".equals(job(id).path("status").asText()));
        double pausedAt = job(id).path("progress").asDouble();
        Thread.sleep(2_000);
        assertThat(job(id).path("progress").asDouble()).as("a paused print does not progress").isEqualTo(pausedAt);
        given().header("Authorization", AUTH).post("/api/v1/jobs/" + id + "/pause").then().statusCode(409);

        given().header("Authorization", AUTH).post("/api/v1/jobs/" + id + "/resume").then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> running.equals(printerState.get()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "printing".equals(job(id).path("status").asText())
                && job(id).path("progress").asDouble() > pausedAt);

        given().header("Authorization", AUTH).post("/api/v1/jobs/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        await().atMost(Duration.ofSeconds(5)).until(() -> stopped.equals(printerState.get()));
        // the printer's own report of the stopped print neither revives the job nor makes a new one
        Thread.sleep(2_000);
        assertThat(job(id).path("status").asText()).isEqualTo("cancelled");
        given().header("Authorization", AUTH).queryParam("printer_id", printer).get("/api/v1/jobs").then()
                .body("jobs.size()", equalTo(1)).body("jobs[0].status", equalTo("cancelled"));
        given().header("Authorization", AUTH).post("/api/v1/jobs/" + id + "/cancel").then().statusCode(409);

        List<ConsumerRecord<String, String>> events = KafkaTopics.await("printer.jobs",
                r -> printer.equals(r.key()) && read(r.value()).path("data").path("job_id").asLong() == id, 2,
                Duration.ofSeconds(20));
        assertThat(events).extracting(r -> read(r.value()).path("type").asText())
                .contains("printer.job.started", "printer.job.failed");
        JsonNode ended = events.stream().map(r -> read(r.value()))
                .filter(e -> "printer.job.failed".equals(e.path("type").asText())).findFirst().orElseThrow();
        assertThat(ended.path("data").path("status").asText()).isEqualTo("cancelled");
        assertThat(ended.path("tenant").asText()).isEqualTo(TENANT);
    }

    @Test
    @Order(2)
    void printerErrorsAndConnectionLossReachTheWebSocketAsSystemAlerts() throws Exception {
        startPrinter();
        try (LiveClient live = LiveClient.connect(port, AUTH);
                LiveClient stranger = LiveClient.connect(port, TestTokens.bearer("control-stranger", "admin"))) {
            bambu.startPrint("runout.3mf", Duration.ofMinutes(6), PrintOutcome.FAILED, 10);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(live.data("system_alert"))
                    .anySatisfy(alert -> {
                        assertThat(alert.path("code").asText()).isEqualTo("PRINTER_ERROR");
                        assertThat(alert.path("severity").asText()).isEqualTo("error");
                        assertThat(alert.path("printer_id").asText()).isEqualTo(PRINTER);
                        assertThat(alert.path("details").path("print_error").asText()).isEqualTo("0700_8011");
                    }));
            // heard on /ws, the failure is already what the API says: messages go out after the commit
            given().header("Authorization", AUTH).queryParam("printer_id", PRINTER).queryParam("status", "failed")
                    .get("/api/v1/jobs").then().body("jobs[0].job_name", equalTo("runout"));
            JsonNode ended = await().atMost(Duration.ofSeconds(10)).until(() -> live.data("job_update").stream()
                    .filter(job -> job.path("status").asText().equals("failed")).findFirst().orElse(null),
                    Objects::nonNull);
            given().header("Authorization", AUTH).get("/api/v1/jobs/" + ended.path("job_id").asLong()).then()
                    .body("status", equalTo("failed")).body("job_name", equalTo("runout"));

            bambu.goOffline();
            try {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(live.data("system_alert"))
                        .anySatisfy(alert -> {
                            assertThat(alert.path("code").asText()).isEqualTo("PRINTER_OFFLINE");
                            assertThat(alert.path("printer_id").asText()).isEqualTo(PRINTER);
                        }));
            } finally {
                bambu.comeBack();
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(live.data("system_alert"))
                    .anySatisfy(alert -> assertThat(alert.path("code").asText()).isEqualTo("PRINTER_ONLINE")));
            assertThat(live.messages()).allSatisfy(m -> assertThat(m.path("timestamp").asText()).isNotBlank());
            assertThat(stranger.data("system_alert")).as("another tenant hears nothing of this printer").isEmpty();
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
