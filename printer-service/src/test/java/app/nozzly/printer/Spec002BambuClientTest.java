package app.nozzly.printer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.printer.support.TrustedBambuCa;
import app.nozzly.sim.PrintFiles;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A client that knows only the Bambu part of specs/002: it adds a LAN printer with the spec's body (name,
 * connection_type, api_url, access_code: the printer's certificate names its serial), reads its status, AMS
 * materials and notification settings, schedules prints (one runs to its end, others wait, are rescheduled and
 * cancelled), pages through its lists with limit and offset and removes the printers.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class Spec002BambuClientTest {

    private static final String AUTH = TestTokens.bearer("spec002-client", "admin");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode get(String path) throws IOException {
        return JSON.readTree(given().header("Authorization", AUTH).get(path).then().statusCode(200).extract()
                .asString());
    }

    /** Every item of a specs/002 list, read with limit and offset until a short page. */
    private static List<JsonNode> all(String path, int limit) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (int offset = 0;; offset += limit) {
            JsonNode page = get(path + (path.contains("?") ? "&" : "?") + "limit=" + limit + "&offset=" + offset);
            assertThat(page.isArray()).isTrue();
            page.forEach(found::add);
            if (page.size() < limit) {
                return found;
            }
        }
    }

    private static JsonNode schedule(String printerId, String jobName, String fileName, int priority)
            throws IOException {
        return JSON.readTree(given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of(
                "printer_id", printerId, "job_name", jobName, "file_name", fileName, "material_type", "PLA",
                "material_slot", 1, "estimated_duration_minutes", 20, "priority", priority))
                .post("/api/bambu/scheduled-prints").then().statusCode(201).body("status", equalTo("queued"))
                .body("scheduled_start", notNullValue()).body("created_at", notNullValue()).extract().asString());
    }

    @Test
    void aClientThatKnowsOnlySpecs002BambuCallsRunsItsPrinterFarm() throws Exception {
        try (BambuPrinterSimulator bambu = BambuPrinterSimulator.builder().serial("03919A3B0100002")
                .model(BambuModel.A1).accessCode("access99").certificateAuthority(TrustedBambuCa.create())
                .mqttPort(28883).ftpsPort(28990).ams(true).timeScale(60.0).reportInterval(Duration.ofMillis(300))
                .start()) {
            bambu.addFile("/cache/bracket.3mf", PrintFiles.bambu3mf(PrintFiles.Slice.pla(Duration.ofMinutes(20), 10),
                    PrintFiles.thumbnailPng(16, 0xFF0000)));

            // the spec's LAN body: no serial, no id; the printer's certificate says who it is
            JsonNode created = JSON.readTree(given().header("Authorization", AUTH).contentType(ContentType.JSON)
                    .body(Map.of("name", "Main Printer", "connection_type", "bambu_lan", "api_url",
                            "http://127.0.0.1", "access_code", "access99"))
                    .post("/api/bambu/printers").then().statusCode(201).body("name", equalTo("Main Printer"))
                    .body("type", equalTo("bambu")).body("connection_type", equalTo("bambu_lan"))
                    .body("created_at", notNullValue()).extract().asString());
            String printer = created.path("id").asText();
            String parked = JSON.readTree(given().header("Authorization", AUTH).contentType(ContentType.JSON)
                    .body(Map.of("name", "Parked Printer", "connection_type", "bambu_lan", "api_url",
                            "http://127.0.0.1:9", "access_code", "access00"))
                    .post("/api/bambu/printers").then().statusCode(201).extract().asString()).path("id").asText();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(all("/api/bambu/printers", 1))
                    .filteredOn(p -> p.path("id").asText().equals(printer)).singleElement().satisfies(p -> {
                        assertThat(p.path("serial_number").asText()).isEqualTo(bambu.serial());
                        assertThat(p.path("status").asText()).isEqualTo("idle");
                    }));
            JsonNode status = get("/api/bambu/printers/" + printer + "/status");
            assertThat(status.path("nozzle_temp").isNumber()).isTrue();
            assertThat(status.path("chamber_temp").isNull()).as("an A1 measures no chamber").isTrue();
            assertThat(status.path("last_updated").asText()).isNotBlank();

            // AMS materials
            List<JsonNode> materials = all("/api/bambu/materials?printer_id=" + printer, 2);
            assertThat(materials).hasSizeGreaterThanOrEqualTo(4);
            JsonNode slot1 = materials.stream().filter(m -> m.path("slot").asInt() == 1).findFirst().orElseThrow();
            assertThat(slot1.path("color").asText()).matches("#[0-9A-F]{6}");
            given().header("Authorization", AUTH).contentType(ContentType.JSON)
                    .body(Map.of("remaining_pct", 85, "vendor", "Prusament", "cost_per_kg", 25))
                    .put("/api/bambu/materials/" + slot1.path("id").asLong()).then().statusCode(200)
                    .body("vendor", equalTo("Prusament")).body("cost_per_kg", equalTo(25.0f));

            // notifications
            JsonNode settings = get("/api/bambu/notifications?printer_id=" + printer);
            assertThat(settings.path("notify_print_failed").asBoolean()).isTrue();
            given().header("Authorization", AUTH).contentType(ContentType.JSON)
                    .body(Map.of("notify_print_complete", true, "email_enabled", true, "webhook_url",
                            "https://example.com/webhook"))
                    .put("/api/bambu/notifications/" + settings.path("id").asLong()).then().statusCode(200)
                    .body("email_enabled", equalTo(true)).body("webhook_url", equalTo("https://example.com/webhook"));

            // a print that runs, and prints that wait for a printer that does not answer
            long runs = schedule(printer, "Custom Bracket", "bracket.3mf", 1).path("id").asLong();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                JsonNode live = get("/api/bambu/printers/" + printer + "/status");
                assertThat(live.path("status").asText()).isEqualTo("printing");
                assertThat(live.path("current_job").asText()).isEqualTo("Custom Bracket");
            });
            List<Long> waiting = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                waiting.add(schedule(parked, "Plate " + i, "plate_" + i + ".3mf", 1 + i % 3).path("id").asLong());
            }
            List<JsonNode> parkedQueue = all("/api/bambu/scheduled-prints?printer_id=" + parked + "&status=queued", 3);
            assertThat(parkedQueue).extracting(p -> p.path("id").asLong()).containsExactlyInAnyOrderElementsOf(waiting);
            JsonNode queue = get("/api/bambu/scheduled-prints/" + parked + "/queue");
            assertThat(queue).hasSize(7);
            assertThat(queue.get(0).path("priority").asInt()).isEqualTo(1);
            assertThat(queue.get(0).path("estimated_duration").asInt()).isEqualTo(20);
            given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("status", "scheduled"))
                    .put("/api/bambu/scheduled-prints/" + waiting.get(0)).then().statusCode(200)
                    .body("status", equalTo("scheduled"));
            given().header("Authorization", AUTH).delete("/api/bambu/scheduled-prints/" + waiting.get(1)).then()
                    .statusCode(200);
            given().header("Authorization", AUTH).get("/api/bambu/scheduled-prints/" + parked + "/queue").then()
                    .body("id", not(hasItem(waiting.get(1).intValue())));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    all("/api/bambu/scheduled-prints?printer_id=" + printer + "&status=completed", 10))
                    .extracting(p -> p.path("id").asLong()).containsExactly(runs));
            assertThat(get("/api/bambu/printers/" + printer + "/status").path("utilization").asInt())
                    .isBetween(0, 100);

            given().header("Authorization", AUTH).get("/api/bambu/printers/nope/status").then().statusCode(404)
                    .body("status", equalTo(404)).body("error", notNullValue());
            given().header("Authorization", AUTH).queryParam("limit", "many").get("/api/bambu/scheduled-prints")
                    .then().statusCode(400).body("status", equalTo(400));
            for (String id : List.of(printer, parked)) {
                given().header("Authorization", AUTH).delete("/api/bambu/printers/" + id).then().statusCode(200)
                        .body("message", equalTo("Printer deleted"));
            }
            assertThat(all("/api/bambu/printers", 10)).isEmpty();
            assertThat(all("/api/bambu/scheduled-prints?printer_id=" + parked + "&status=queued", 10)).isEmpty();
        }
    }
}
