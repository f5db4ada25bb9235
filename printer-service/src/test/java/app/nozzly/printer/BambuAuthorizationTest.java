package app.nozzly.printer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.printer.support.LiveClient;
import app.nozzly.sim.PrintOutcome;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Bambu Lab firmware with Authorization Control (2025) refuses our commands unless the printer is in LAN-only
 * Developer Mode, while it keeps reporting: the printer shows as read-only with the printer's reason, commands
 * answer 409 and change nothing, and Developer Mode makes it controllable again.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class BambuAuthorizationTest {

    private static final String TENANT = "authorization-tenant";
    private static final String AUTH = TestTokens.bearer(TENANT, "admin");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private static void register(String id, BambuPrinterSimulator bambu) {
        given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("id", id,
                "name", "Bambu Lab " + bambu.model() + " " + id, "type", "bambu_lab", "model", bambu.model().name(),
                "ip_address", bambu.host(), "serial_number", bambu.serial(), "access_code", bambu.accessCode(),
                "mqtt_port", bambu.mqttPort(), "ftps_port", bambu.ftpsPort(), "ca_certificate",
                bambu.caCertificatePem())).post("/api/v1/printers").then().statusCode(201);
    }

    private static JsonNode printer(String id) throws IOException {
        return JSON.readTree(given().header("Authorization", AUTH).get("/api/v1/printers/" + id).then()
                .statusCode(200).extract().asString());
    }

    private static JsonNode listed(String id) throws IOException {
        JsonNode page = JSON.readTree(given().header("Authorization", AUTH).get("/api/v1/printers").then()
                .statusCode(200).extract().asString());
        for (JsonNode item : page.path("printers")) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        throw new AssertionError("printer " + id + " is not listed");
    }

    private static long runningJob(String printer) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", AUTH)
                .queryParam("printer_id", printer).queryParam("status", "printing").get("/api/v1/jobs").then()
                .statusCode(200).extract().<List<Map<String, Object>>> path("jobs").stream()
                .map(j -> ((Number) j.get("id")).longValue()).findFirst().orElse(null), Objects::nonNull);
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLockedPrinterKeepsReportingRefusesCommandsWith409AndTakesThemAgainInDeveloperMode() throws Exception {
        String id = "bambu_a1_locked";
        try (BambuPrinterSimulator bambu = BambuPrinterSimulator.builder().serial("03919A3A2200777")
                .model(BambuModel.A1).accessCode("24681357").ams(true).timeScale(60.0)
                .reportInterval(Duration.ofMillis(500)).authorizationLocked(true).start();
                LiveClient live = LiveClient.connect(port, AUTH)) {
            register(id, bambu);
            await().atMost(Duration.ofSeconds(60)).until(() -> "idle".equals(printer(id).path("status").asText()));
            assertThat(printer(id).path("capabilities").path("supports_remote_control").asBoolean())
                    .as("an A1 does not say that it is locked before it refuses something").isTrue();

            bambu.startPrint("lockbox.3mf", Duration.ofMinutes(120), PrintOutcome.FINISH, 40);
            long job = runningJob(id);
            given().header("Authorization", AUTH).post("/api/v1/jobs/" + job + "/pause").then().statusCode(409)
                    .body("error.code", equalTo("PRINTER_READ_ONLY"))
                    .body("error.message", containsString(id))
                    .body("error.message", containsString("mqtt message verify failed"))
                    .body("error.details.printer_id", equalTo(id))
                    .body("error.details.reason", equalTo("mqtt message verify failed"))
                    .body("error.details.err_code", equalTo("0x05024007"));
            assertThat(bambu.gcodeState()).as("the printer did not pause").isIn("PREPARE", "RUNNING");
            given().header("Authorization", AUTH).get("/api/v1/jobs/" + job).then().body("status",
                    equalTo("printing"));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode detail = printer(id);
                assertThat(detail.path("status").asText()).isEqualTo("printing");
                assertThat(detail.path("capabilities").path("supports_remote_control").asBoolean()).isFalse();
                assertThat(detail.path("read_only_reason").asText()).contains("mqtt message verify failed",
                        "0x05024007", "Developer Mode");
            });
            assertThat(listed(id).path("read_only_reason").asText()).contains("mqtt message verify failed");
            double progress = printer(id).path("current_job").path("progress").asDouble();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                JsonNode detail = printer(id);
                assertThat(detail.path("current_job").path("progress").asDouble()).isGreaterThan(progress);
                assertThat(detail.path("temperatures").path("nozzle").asDouble()).isGreaterThan(100);
                assertThat(detail.path("read_only_reason").isMissingNode()).isFalse();
            });

            given().header("Authorization", AUTH).post("/api/v1/jobs/" + job + "/cancel").then().statusCode(409)
                    .body("error.code", equalTo("PRINTER_READ_ONLY"));
            given().header("Authorization", AUTH).get("/api/v1/jobs/" + job).then().body("status",
                    equalTo("printing"));
            assertThat(bambu.gcodeState()).isIn("PREPARE", "RUNNING");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(live.data("printer_status"))
                    .anySatisfy(status -> {
                        assertThat(status.path("printer_id").asText()).isEqualTo(id);
                        assertThat(status.path("status").asText()).isEqualTo("printing");
                        assertThat(status.path("supports_remote_control").asBoolean()).isFalse();
                        assertThat(status.path("read_only_reason").asText()).contains("mqtt message verify failed");
                    }));
            JsonNode event = read(KafkaTopics.await("printer.status", r -> id.equals(r.key())
                    && !read(r.value()).path("data").path("read_only_reason").isNull(), 1, Duration.ofSeconds(20))
                    .get(0).value()).path("data");
            assertThat(event.path("status").asText()).isEqualTo("printing");
            assertThat(event.path("supports_remote_control").asBoolean()).isFalse();
            assertThat(event.path("read_only_reason").asText()).contains("0x05024007");

            bambu.authorizationLocked(false);
            given().header("Authorization", AUTH).post("/api/v1/jobs/" + job + "/pause").then().statusCode(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> "PAUSE".equals(bambu.gcodeState()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode detail = printer(id);
                assertThat(detail.path("status").asText()).isEqualTo("paused");
                assertThat(detail.path("capabilities").path("supports_remote_control").asBoolean()).isTrue();
                assertThat(detail.has("read_only_reason")).isFalse();
            });
            assertThat(listed(id).has("read_only_reason")).isFalse();
            given().header("Authorization", AUTH).post("/api/v1/jobs/" + job + "/cancel").then().statusCode(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> "FAILED".equals(bambu.gcodeState()));
            given().header("Authorization", AUTH).delete("/api/v1/printers/" + id).then().statusCode(200);
        }
    }

    @Test
    void anX1cTellsDeveloperModeInItsReportsBeforeAnyCommand() throws Exception {
        String id = "bambu_x1c_locked";
        try (BambuPrinterSimulator bambu = BambuPrinterSimulator.builder().serial("00M09A350100777")
                .model(BambuModel.X1C).accessCode("13572468").ams(true).timeScale(60.0)
                .reportInterval(Duration.ofMillis(500)).authorizationLocked(true).start()) {
            register(id, bambu);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode detail = printer(id);
                assertThat(detail.path("status").asText()).isEqualTo("idle");
                assertThat(detail.path("capabilities").path("supports_remote_control").asBoolean()).isFalse();
                assertThat(detail.path("read_only_reason").asText()).contains("Developer Mode off");
            });

            bambu.authorizationLocked(false);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode detail = printer(id);
                assertThat(detail.path("capabilities").path("supports_remote_control").asBoolean()).isTrue();
                assertThat(detail.path("read_only_reason")).isEmpty();
            });
            given().header("Authorization", AUTH).get("/api/v1/printers/" + id).then()
                    .body("read_only_reason", nullValue());
            given().header("Authorization", AUTH).delete("/api/v1/printers/" + id).then().statusCode(200);
        }
    }

    @Test
    void theQueueSendsALockedPrinterOnePrintAndThenSkipsIt() throws Exception {
        String id = "bambu_a1_queue_locked";
        try (BambuPrinterSimulator bambu = BambuPrinterSimulator.builder().serial("03919A3A2200778")
                .model(BambuModel.A1).accessCode("11223344").ams(true).timeScale(60.0)
                .reportInterval(Duration.ofMillis(500)).authorizationLocked(true).start()) {
            bambu.addFile("/cache/hinge.3mf", new byte[] {1, 2, 3});
            register(id, bambu);
            await().atMost(Duration.ofSeconds(60)).until(() -> "idle".equals(printer(id).path("status").asText()));

            long scheduled = given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of(
                    "printer_id", id, "job_name", "Hinge", "file_name", "hinge.3mf", "priority", 1))
                    .post("/api/bambu/scheduled-prints").then().statusCode(201).extract().<Number> path("id")
                    .longValue();
            await().atMost(Duration.ofSeconds(20)).until(() -> bambu.refusedCommands() == 1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(printer(id).path("read_only_reason").asText()).contains("project_file", "0x05024007");
                given().header("Authorization", AUTH).queryParam("printer_id", id)
                        .get("/api/bambu/scheduled-prints").then().statusCode(200)
                        .body("find { it.id == " + scheduled + " }.status", equalTo("queued"))
                        .body("find { it.id == " + scheduled + " }.last_error",
                                containsString("(authorization required) (err_code 0x05024007)"));
            });

            // three dispatch rounds later the printer has been sent nothing more
            Thread.sleep(6_000);
            assertThat(bambu.refusedCommands()).isEqualTo(1);
            assertThat(bambu.gcodeState()).isEqualTo("IDLE");
            given().header("Authorization", AUTH).delete("/api/bambu/scheduled-prints/" + scheduled).then()
                    .statusCode(200);
            given().header("Authorization", AUTH).delete("/api/v1/printers/" + id).then().statusCode(200);
        }
    }
}
