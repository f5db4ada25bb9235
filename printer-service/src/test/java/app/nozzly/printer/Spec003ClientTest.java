package app.nozzly.printer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.printer.support.LiveClient;
import app.nozzly.printer.support.TrustedBambuCa;
import app.nozzly.sim.PrintFiles;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;
import app.nozzly.sim.prusa.PrusaLinkSimulator;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A client that knows only specs/003 (and the job start, pause and resume this service adds beside cancel): it
 * registers a Bambu and a Prusa printer with the spec's bodies, sees them live on REST and /ws, lists, previews,
 * downloads and uploads their files, starts, pauses, resumes and cancels a print and lets another finish, reads
 * jobs and statistics, pages through lists of any length, cleans up and removes the printers.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class Spec003ClientTest {

    private static final String AUTH = TestTokens.bearer("spec003-client", "admin");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAMBU = "bambu_a1_001";
    private static final String PRUSA = "prusa_core_001";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private static JsonNode get(String path) throws IOException {
        return JSON.readTree(given().header("Authorization", AUTH).get(path).then().statusCode(200).extract()
                .asString());
    }

    /** Every item of a specs/003 list, page by page until has_next is false. */
    private static List<JsonNode> all(String path, String items, int limit) throws IOException {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (int page = 1;; page++) {
            JsonNode answer = get(path + (path.contains("?") ? "&" : "?") + "page=" + page + "&limit=" + limit);
            answer.path(items).forEach(found::add);
            JsonNode pagination = answer.path("pagination");
            assertThat(pagination.path("page").asInt()).isEqualTo(page);
            assertThat(pagination.path("has_previous").asBoolean()).isEqualTo(page > 1);
            if (!pagination.path("has_next").asBoolean()) {
                assertThat(found).hasSize(pagination.path("total_items").asInt());
                assertThat(pagination.path("total_pages").asInt()).isEqualTo(page);
                return found;
            }
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void aClientThatKnowsOnlySpecs003GoesThroughTheWholeLifecycle() throws Exception {
        byte[] png = PrintFiles.thumbnailPng(16, 0x1188FF);
        byte[] project = PrintFiles.bambu3mf(new PrintFiles.Slice(Duration.ofMinutes(62), 45.5, "PLA", "#000000",
                0.2, 15, 274, 220, 55, false), png);
        byte[] quick = PrintFiles.prusaBgcode(PrintFiles.Slice.pla(Duration.ofMinutes(6), 12.0), png);
        try (BambuPrinterSimulator bambu = BambuPrinterSimulator.builder().serial("03919A3B0100001")
                .model(BambuModel.A1).accessCode("87654321").certificateAuthority(TrustedBambuCa.create())
                .mqttPort(28883).ftpsPort(28990).timeScale(60.0).reportInterval(Duration.ofMillis(300)).start();
                PrusaLinkSimulator prusa = PrusaLinkSimulator.builder().model("Core One").password("c0re-one")
                        .timeScale(60.0).start();
                LiveClient live = LiveClient.connect(port, AUTH)) {
            bambu.addFile("/cache/custom_bracket.3mf", project);
            prusa.addFile("usb", "/quick_clip.bgcode", quick);
            for (int i = 0; i < 120; i++) {
                prusa.addFile("usb", String.format("/archive/part_%03d.gcode", i),
                        ("; part " + i + "\nG28\n").getBytes(StandardCharsets.US_ASCII));
            }

            given().header("Authorization", AUTH).get("/api/v1/health").then().statusCode(200)
                    .body("status", equalTo("healthy")).body("database", equalTo("connected"));
            given().header("Authorization", AUTH).get("/api/v1/system/info").then().statusCode(200)
                    .body("features.file_management", equalTo(true));

            // specs/003 POST /printers, with the spec's fields only
            given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("id", BAMBU,
                    "name", "Bambu Lab A1 #1", "type", "bambu_lab", "ip_address", "127.0.0.1", "access_code",
                    "87654321", "serial_number", bambu.serial(), "is_active", true))
                    .post("/api/v1/printers").then().statusCode(201).body("status", equalTo("configuring"))
                    .body("connection_status", equalTo("testing"));
            given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("id", PRUSA,
                    "name", "Prusa Core One #1", "type", "prusa", "ip_address", prusa.url(), "access_code",
                    "c0re-one", "is_active", true))
                    .post("/api/v1/printers").then().statusCode(201);
            given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("id", PRUSA,
                    "name", "again", "type", "prusa", "ip_address", prusa.url(), "access_code", "x"))
                    .post("/api/v1/printers").then().statusCode(409)
                    .body("error.code", equalTo("PRINTER_ALREADY_EXISTS"));

            // live: REST and /ws
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<JsonNode> printers = all("/api/v1/printers", "printers", 1);
                assertThat(printers).extracting(p -> p.path("status").asText()).containsOnly("idle");
                assertThat(live.data("printer_status")).extracting(d -> d.path("printer_id").asText())
                        .contains(BAMBU, PRUSA);
            });
            // the firmware comes with the printer's answer to get_version, which may follow its first report
            JsonNode bambuDetail = await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/printers/" + BAMBU),
                    detail -> !detail.path("firmware_version").asText().isBlank());
            assertThat(bambuDetail.path("connection_status").asText()).isEqualTo("connected");
            assertThat(bambuDetail.path("capabilities").path("has_camera").asBoolean()).isTrue();
            assertThat(bambuDetail.path("capabilities").path("has_ams").asBoolean()).isTrue();
            assertThat(bambuDetail.path("temperatures").path("nozzle").isNumber()).isTrue();

            // files: every one of the Prusa's, page by page
            await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/files?printer_id=" + PRUSA + "&limit=1")
                    .path("pagination").path("total_items").asInt() == 121);
            List<JsonNode> prusaFiles = all("/api/v1/files?printer_id=" + PRUSA, "files", 50);
            Set<String> ids = new HashSet<>();
            prusaFiles.forEach(f -> ids.add(f.path("id").asText()));
            assertThat(ids).hasSize(121);

            // a sliced Bambu project: metadata, preview, download with checksum, upload back
            String bracket = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", AUTH)
                    .queryParam("printer_id", BAMBU).queryParam("search", "bracket").get("/api/v1/files").then()
                    .extract().<String> path("files.find { it.metadata != null }.id"), id -> id != null);
            JsonNode file = get("/api/v1/files/" + bracket);
            assertThat(file.path("file_size").asLong()).isEqualTo(project.length);
            assertThat(file.path("metadata").path("layer_count").asInt()).isEqualTo(274);
            assertThat(given().header("Authorization", AUTH).get(file.path("preview_url").asText()).then()
                    .statusCode(200).extract().asByteArray()).isEqualTo(png);
            given().header("Authorization", AUTH).post(file.path("download_url").asText()).then().statusCode(202)
                    .body("status", equalTo("downloading")).body("download_id", notNullValue());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", AUTH)
                    .get("/api/v1/files/" + bracket + "/download/status").then()
                    .body("status", equalTo("completed")).body("bytes_downloaded", equalTo(project.length)));
            file = get("/api/v1/files/" + bracket);
            assertThat(file.path("status").asText()).isEqualTo("downloaded");
            assertThat(file.path("checksum").asText()).isEqualTo("md5:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("MD5").digest(project)));
            given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of())
                    .post(file.path("upload_url").asText()).then().statusCode(201)
                    .body("printer_id", equalTo(BAMBU)).body("printer_path", equalTo("/cache/custom_bracket.3mf"));

            // a print: start, pause, resume, cancel
            given().header("Authorization", AUTH).contentType(ContentType.JSON)
                    .body(Map.of("printer_id", BAMBU, "file_id", bracket)).post("/api/v1/jobs").then()
                    .statusCode(202).body("status", equalTo("starting"));
            long printing = await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/v1/jobs?printer_id=" + BAMBU
                    + "&status=printing").path("jobs"), jobs -> jobs.size() == 1).get(0).path("id").asLong();
            JsonNode job = get("/api/v1/jobs/" + printing);
            assertThat(job.path("job_name").asText()).isEqualTo("custom_bracket");
            assertThat(job.path("file_info").path("filename").asText()).isEqualTo("custom_bracket.3mf");
            assertThat(job.path("file_info").path("size").asLong()).isEqualTo(project.length);
            assertThat(job.path("file_info").path("hash").asText()).isEqualTo(sha256(project));
            assertThat(job.path("file_info").path("uploaded_at").asText()).isNotBlank();
            assertThat(job.path("print_settings").path("layer_height").asDouble()).isEqualTo(0.2);
            assertThat(job.path("print_settings").path("infill").asInt()).isEqualTo(15);
            assertThat(job.path("print_settings").path("nozzle_temp").asInt()).isPositive();
            assertThat(job.path("print_settings").path("bed_temp").asInt()).isPositive();
            assertThat(job.path("quality_metrics").has("first_layer_adhesion")).isTrue();
            assertThat(job.path("material_info").path("estimated_usage").asDouble()).isEqualTo(45.5);
            assertThat(job.path("estimated_duration").asInt()).isBetween(3_000, 3_800);
            given().header("Authorization", AUTH).post("/api/v1/jobs/" + printing + "/pause").then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> "paused".equals(get("/api/v1/jobs/" + printing)
                    .path("status").asText()));
            given().header("Authorization", AUTH).post("/api/v1/jobs/" + printing + "/resume").then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> "printing".equals(get("/api/v1/jobs/" + printing)
                    .path("status").asText()));
            given().header("Authorization", AUTH).post("/api/v1/jobs/" + printing + "/cancel").then().statusCode(200)
                    .body("status", equalTo("cancelled")).body("cancelled_at", notNullValue());

            // another print runs to its end on the Prusa
            String quickId = get("/api/v1/files?printer_id=" + PRUSA + "&search=quick_clip").path("files").get(0)
                    .path("id").asText();
            given().header("Authorization", AUTH).contentType(ContentType.JSON)
                    .body(Map.of("printer_id", PRUSA, "file_id", quickId)).post("/api/v1/jobs").then().statusCode(202);
            long finished = await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/v1/jobs?printer_id=" + PRUSA)
                    .path("jobs"), jobs -> jobs.size() == 1).get(0).path("id").asLong();
            await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(get("/api/v1/jobs/" + finished)
                    .path("status").asText()));
            given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("is_business", true,
                    "customer_info", Map.of("order_id", "PO-2025-0234", "customer_name", "Max Mustermann GmbH"),
                    "material_cost", 2.5, "notes", "High priority order", "quality_metrics",
                    Map.of("first_layer_adhesion", "good", "surface_finish", "excellent", "dimensional_accuracy", 0.1)))
                    .put("/api/v1/jobs/" + finished).then().statusCode(200);
            JsonNode done = get("/api/v1/jobs/" + finished);
            assertThat(done.path("customer_info").path("order_id").asText()).isEqualTo("PO-2025-0234");
            assertThat(done.path("quality_metrics").path("surface_finish").asText()).isEqualTo("excellent");
            assertThat(done.path("material_info").path("actual_usage").asDouble()).isEqualTo(12.0);
            assertThat(done.path("estimated_duration").asInt()).isBetween(300, 420);

            // jobs and statistics
            List<JsonNode> jobs = all("/api/v1/jobs", "jobs", 1);
            assertThat(jobs).extracting(j -> j.path("id").asLong()).containsExactlyInAnyOrder(printing, finished);
            JsonNode overview = get("/api/v1/statistics/overview?period=day");
            assertThat(overview.path("jobs").path("total_jobs").asInt()).isEqualTo(2);
            assertThat(overview.path("jobs").path("completed_jobs").asInt()).isEqualTo(1);
            assertThat(overview.path("business").path("business_jobs").asInt()).isEqualTo(1);
            assertThat(overview.path("materials").path("total_used_kg").asDouble())
                    .as("12 g, plus what the cancelled print used")
                    .isBetween(0.012, 0.030);
            assertThat(overview.path("files").path("total_files").asInt()).isGreaterThanOrEqualTo(122);
            JsonNode prusaStatistics = get("/api/v1/statistics/printers/" + PRUSA + "?period=week");
            assertThat(prusaStatistics.path("jobs").path("completed_jobs").asInt()).isEqualTo(1);
            assertThat(prusaStatistics.path("quality_metrics").path("first_layer_success_rate").asDouble())
                    .isEqualTo(1.0);

            // local copies: cleanup candidates, cleanup, delete
            given().header("Authorization", AUTH).post("/api/v1/files/" + quickId + "/download").then().statusCode(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> "downloaded".equals(get("/api/v1/files/" + quickId)
                    .path("status").asText()));
            assertThat(get("/api/v1/files/cleanup/candidates").path("cleanup_candidates"))
                    .extracting(c -> c.path("id").asText()).contains(quickId, bracket);
            given().header("Authorization", AUTH).contentType(ContentType.JSON)
                    .body(Map.of("file_ids", List.of(quickId), "confirm", true)).post("/api/v1/files/cleanup").then()
                    .statusCode(200).body("cleaned_files", equalTo(1));
            given().header("Authorization", AUTH).delete("/api/v1/files/" + bracket).then().statusCode(200)
                    .body("status", equalTo("available"));

            // the spec's errors
            given().header("Authorization", AUTH).get("/api/v1/printers/nope").then().statusCode(404)
                    .body("error.code", equalTo("PRINTER_NOT_FOUND")).body("error.request_id", notNullValue());
            given().header("Authorization", AUTH).queryParam("limit", 101).get("/api/v1/jobs").then().statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR"));

            for (String printer : List.of(BAMBU, PRUSA)) {
                given().header("Authorization", AUTH).delete("/api/v1/printers/" + printer).then().statusCode(200)
                        .body("message", equalTo("Printer configuration removed successfully"));
            }
            given().header("Authorization", AUTH).get("/api/v1/printers").then().body("total_count", equalTo(0));
        }
    }
}
