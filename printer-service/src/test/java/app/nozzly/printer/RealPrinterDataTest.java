package app.nozzly.printer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.printer.support.TrustedBambuCa;
import app.nozzly.sim.PrintFiles;
import app.nozzly.sim.PrintOutcome;
import app.nozzly.sim.bambu.BambuCertificateAuthority;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;
import app.nozzly.sim.prusa.PrusaLinkSimulator;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;

/**
 * What real printers send, reproduced by the simulators: cameras and firmware in Bambu reports, A1/P1P chamber
 * values that measure nothing, prints found half way, sliced files with thumbnails and metadata, PrusaLink serial
 * prints and slow stops, and absurd telemetry that must fool nothing.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class RealPrinterDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String register(String auth, String id, BambuPrinterSimulator bambu, String model) {
        given().header("Authorization", auth).contentType(ContentType.JSON).body(Map.of("id", id, "name", id,
                "type", "bambu_lab", "model", model, "ip_address", bambu.host(), "serial_number", bambu.serial(),
                "access_code", bambu.accessCode(), "mqtt_port", bambu.mqttPort(), "ftps_port", bambu.ftpsPort(),
                "ca_certificate", bambu.caCertificatePem())).post("/api/v1/printers").then().statusCode(201);
        return id;
    }

    private static String register(String auth, String id, PrusaLinkSimulator prusa) {
        given().header("Authorization", auth).contentType(ContentType.JSON).body(Map.of("id", id, "name", id,
                "type", "prusa", "ip_address", prusa.url(), "username", prusa.username(), "password",
                prusa.password())).post("/api/v1/printers").then().statusCode(201);
        return id;
    }

    private static JsonNode get(String auth, String path) throws IOException {
        return JSON.readTree(given().header("Authorization", auth).get(path).then().statusCode(200).extract()
                .asString());
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long onlyJob(String auth, String printer) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", auth)
                .queryParam("printer_id", printer).get("/api/v1/jobs").then().statusCode(200).extract().jsonPath()
                .getList("jobs.id", Long.class), ids -> ids.size() == 1).get(0);
    }

    @Test
    void bambuReportsGiveTheCameraTheFirmwareAtOnceAndNoChamberForModelsWithoutTheSensor() throws Exception {
        String auth = TestTokens.bearer("real-device", "admin");
        try (BambuPrinterSimulator a1 = BambuPrinterSimulator.builder().serial("03919A3B0100301").model(BambuModel.A1)
                .accessCode("30130130").reportInterval(Duration.ofHours(1)).start();
                BambuPrinterSimulator x1c = BambuPrinterSimulator.builder().serial("00M09A3B0100302")
                        .model(BambuModel.X1C).accessCode("30230230").start()) {
            // registered without a model: the printer's get_version tells it is an A1
            given().header("Authorization", auth).contentType(ContentType.JSON).body(Map.of("id", "a1_real",
                    "name", "A1", "type", "bambu_lab", "ip_address", a1.host(), "serial_number", a1.serial(),
                    "access_code", a1.accessCode(), "mqtt_port", a1.mqttPort(), "ftps_port", a1.ftpsPort(),
                    "ca_certificate", a1.caCertificatePem())).post("/api/v1/printers").then().statusCode(201);
            register(auth, "x1c_real", x1c, "X1C");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    given().header("Authorization", auth).get("/api/v1/printers/a1_real").then()
                            .body("status", equalTo("idle")));
            // an idle A1 reports nothing after its pushall answer: get_version's answer alone carries the firmware
            await().atMost(Duration.ofMillis(2_500)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    given().header("Authorization", auth).get("/api/v1/printers/a1_real").then()
                            .body("firmware_version", equalTo("01.05.00.00")).body("model", equalTo("A1")));
            JsonNode a1Detail = get(auth, "/api/v1/printers/a1_real");
            assertThat(a1Detail.path("capabilities").path("has_camera").asBoolean()).isTrue();
            assertThat(a1Detail.path("temperatures").path("nozzle").isNumber()).isTrue();
            assertThat(a1Detail.path("temperatures").has("chamber")).as("an A1 has no chamber sensor").isFalse();
            assertThat(get(auth, "/api/bambu/printers/a1_real/status").path("chamber_temp").isNull()).isTrue();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", auth)
                    .get("/api/v1/printers/x1c_real").then().body("temperatures.chamber", notNullValue())
                    .body("capabilities.has_camera", equalTo(true)));
        }
    }

    @Test
    void aPrinterAddedWithoutItsSerialIsNamedByItsCertificateWhichIsThenTheOnlyOneTrusted() throws Exception {
        String auth = TestTokens.bearer("real-identity", "admin");
        BambuCertificateAuthority ca = TrustedBambuCa.create();
        int mqttPort;
        String printer;
        try (BambuPrinterSimulator first = BambuPrinterSimulator.builder().serial("01P00A3B0100306")
                .model(BambuModel.P1P).accessCode("30630630").certificateAuthority(ca).start()) {
            mqttPort = first.mqttPort();
            printer = JSON.readTree(given().header("Authorization", auth).contentType(ContentType.JSON)
                    .body(Map.of("name", "Shelf P1P", "connection_type", "bambu_lan", "api_url",
                            "http://127.0.0.1:" + mqttPort, "access_code", "30630630"))
                    .post("/api/bambu/printers").then().statusCode(201).extract().asString()).path("id").asText();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", auth)
                    .get("/api/v1/printers/" + printer).then().body("serial_number", equalTo(first.serial()))
                    .body("status", equalTo("idle")));
        }
        // the same serial, signed by the same CA, but another certificate: not the printer first trusted
        try (BambuPrinterSimulator impostor = BambuPrinterSimulator.builder().serial("01P00A3B0100306")
                .model(BambuModel.P1P).accessCode("30630630").certificateAuthority(ca).mqttPort(mqttPort).start()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", auth)
                    .get("/api/v1/printers/" + printer).then().body("status", equalTo("offline")));
            Thread.sleep(5_000);
            given().header("Authorization", auth).get("/api/v1/printers/" + printer).then()
                    .body("status", equalTo("offline")).body("connection_status", equalTo("disconnected"));
            assertThat(impostor.mqttConnections()).isZero();
            // naming the serial again is the user's decision to trust the printer's new certificate
            given().header("Authorization", auth).contentType(ContentType.JSON)
                    .body(Map.of("serial_number", impostor.serial())).put("/api/v1/printers/" + printer).then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", auth)
                    .get("/api/v1/printers/" + printer).then().body("status", equalTo("idle")));
        }
    }

    @Test
    void aPrintFoundHalfWayLastsElapsedPlusRemaining() throws Exception {
        String auth = TestTokens.bearer("real-midway", "admin");
        try (BambuPrinterSimulator bambu = BambuPrinterSimulator.builder().serial("01S00A0B0000303")
                .model(BambuModel.P1P).accessCode("30330330").timeScale(1.0).start();
                PrusaLinkSimulator prusa = PrusaLinkSimulator.builder().password("midway").timeScale(1.0).start()) {
            bambu.startPrint("vase.3mf", Duration.ofMinutes(60), PrintOutcome.FINISH, 30, Duration.ofMinutes(30));
            prusa.startPrint("vase.bgcode", Duration.ofMinutes(60), PrintOutcome.FINISH, 30, Duration.ofMinutes(30));
            register(auth, "p1p_midway", bambu, "P1P");
            register(auth, "prusa_midway", prusa);
            for (String printer : List.of("p1p_midway", "prusa_midway")) {
                JsonNode job = get(auth, "/api/v1/jobs/" + onlyJob(auth, printer));
                assertThat(job.path("estimated_duration").asInt()).as(printer + ": the whole print, not what is left")
                        .isBetween(3_500, 3_700);
                Instant start = Instant.parse(job.path("start_time").asText());
                assertThat(start).as(printer + ": started before it was seen")
                        .isBetween(Instant.now().minusSeconds(1_900), Instant.now().minusSeconds(1_700));
                Instant completion = Instant.parse(job.path("estimated_completion").asText());
                assertThat(Duration.between(start.plusSeconds(job.path("estimated_duration").asLong()), completion)
                        .abs()).isLessThan(Duration.ofSeconds(90));
            }
        }
    }

    @Test
    void absurdTelemetryIsDroppedLoggedOnceAndReachesNeitherCostStockNorStatistics() throws Exception {
        String tenant = "real-absurd";
        String auth = TestTokens.bearer(tenant, "admin");
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger guard = Logger.getLogger("app.nozzly.printer.live.TelemetryGuard");
        guard.addHandler(capture);
        try (BambuPrinterSimulator bambu = BambuPrinterSimulator.builder().serial("01S00A0B0000304")
                .model(BambuModel.A1).accessCode("30430430").timeScale(60.0).reportInterval(Duration.ofMillis(300))
                .start()) {
            register(auth, "a1_absurd", bambu, "A1");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", auth)
                    .get("/api/v1/printers/a1_absurd").then().body("status", equalTo("idle")));
            bambu.startPrint("glitch.3mf", Duration.ofMinutes(8), PrintOutcome.FINISH, 12);
            long job = onlyJob(auth, "a1_absurd");
            bambu.corruptReports(new JsonObject().put("nozzle_temper", 42_901_129).put("mc_percent", -70_663_677)
                    .put("filament_used", new JsonObject().put("total_g", -63_608_587)));
            Thread.sleep(2_000);
            JsonNode printer = get(auth, "/api/v1/printers/a1_absurd");
            assertThat(printer.path("temperatures").path("nozzle").asDouble(0)).isLessThan(500);
            assertThat(get(auth, "/api/v1/jobs/" + job).path("progress").asDouble()).isBetween(0.0, 100.0);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", auth)
                    .get("/api/v1/jobs/" + job).then().body("status", equalTo("completed")));
            JsonNode ended = get(auth, "/api/v1/jobs/" + job);
            assertThat(ended.path("material_info").path("actual_usage").asDouble()).as("from the trays' remain")
                    .isBetween(0.0, 100.0);
            assertThat(ended.path("costs").path("material_cost").asDouble()).isBetween(0.0, 10.0);
            assertThat(get(auth, "/api/v1/printers/a1_absurd").path("statistics").path("material_used_total")
                    .asDouble()).isBetween(0.0, 1.0);
            assertThat(get(auth, "/api/v1/statistics/overview?period=day").path("materials").path("total_used_kg")
                    .asDouble()).isBetween(0.0, 1.0);
            List<JsonNode> events = KafkaTopics.await("printer.jobs", r -> "a1_absurd".equals(r.key()), 2,
                    Duration.ofSeconds(20)).stream().map(r -> read(r.value())).toList();
            assertThat(events).filteredOn(e -> "printer.job.finished".equals(e.path("type").asText()))
                    .singleElement().satisfies(e -> {
                        assertThat(e.path("tenant").asText()).isEqualTo(tenant);
                        assertThat(e.path("data").path("filament_used_grams").asDouble())
                                .as("production deducts stock from this").isBetween(0.0, 100.0);
                    });
            assertThat(warnings).as("one warning per printer, naming tenant and printer").singleElement()
                    .satisfies(record -> assertThat(format(record)).contains(tenant, "a1_absurd", "42901129"));
        } finally {
            guard.removeHandler(capture);
        }
    }

    /** printer-service logs printf style (JBoss Logging's warnf). */
    private static String format(LogRecord record) {
        return record.getParameters() == null ? record.getMessage()
                : String.format(Locale.ROOT, record.getMessage(), record.getParameters());
    }

    @Test
    void prusaLinkTelemetryAndFileMetadataThatCannotBeAreIgnored() throws Exception {
        String auth = TestTokens.bearer("real-absurd-prusa", "admin");
        try (PrusaLinkSimulator prusa = PrusaLinkSimulator.builder().password("absurd").timeScale(60.0).start()) {
            register(auth, "prusa_absurd", prusa);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", auth)
                    .get("/api/v1/printers/prusa_absurd").then().body("status", equalTo("idle")));
            prusa.corruptTelemetry(new JsonObject().put("printer", new JsonObject().put("temp_nozzle", 42_901_129))
                    .put("job", new JsonObject().put("progress", -70_663_677)), new JsonObject().put("file",
                            new JsonObject().put("meta", new JsonObject().put("filament used [g]", -63_608_587))));
            prusa.startPrint("part.bgcode", Duration.ofMinutes(30), PrintOutcome.FINISH, 10);
            long job = onlyJob(auth, "prusa_absurd");
            Thread.sleep(1_500);
            JsonNode detail = get(auth, "/api/v1/jobs/" + job);
            assertThat(detail.path("progress").asDouble()).isBetween(0.0, 100.0);
            assertThat(detail.path("material_info").path("estimated_usage").isNull()).isTrue();
            assertThat(get(auth, "/api/v1/printers/prusa_absurd").path("temperatures").path("nozzle").asDouble(0))
                    .isLessThan(500);
        }
    }

    @Test
    void aSerialPrintHasAClearNameAndNoFile() throws Exception {
        String auth = TestTokens.bearer("real-serial", "admin");
        try (PrusaLinkSimulator prusa = PrusaLinkSimulator.builder().password("serial").timeScale(60.0).start()) {
            register(auth, "prusa_serial", prusa);
            prusa.startSerialPrint(Duration.ofMinutes(30), PrintOutcome.FINISH, 10);
            JsonNode job = get(auth, "/api/v1/jobs/" + onlyJob(auth, "prusa_serial"));
            assertThat(job.path("job_name").asText()).isEqualTo("Serial print");
            assertThat(job.path("file_info").isNull()).isTrue();
        }
    }

    @Test
    void aPrusaStopThatOutlastsTheGraceStillEndsOneCancelledJob() throws Exception {
        String auth = TestTokens.bearer("real-slow-stop", "admin");
        try (PrusaLinkSimulator prusa = PrusaLinkSimulator.builder().password("slow").timeScale(60.0)
                .stopLatency(Duration.ofSeconds(14)).start()) {
            register(auth, "prusa_slow_stop", prusa);
            prusa.startPrint("tall.bgcode", Duration.ofHours(3), PrintOutcome.FINISH, 80);
            long job = onlyJob(auth, "prusa_slow_stop");
            given().header("Authorization", auth).post("/api/v1/jobs/" + job + "/cancel").then().statusCode(200);
            assertThat(prusa.state()).as("still parking, same job id").isEqualTo("PRINTING");
            await().atMost(Duration.ofSeconds(30)).until(() -> "STOPPED".equals(prusa.state()));
            Thread.sleep(1_500);
            given().header("Authorization", auth).queryParam("printer_id", "prusa_slow_stop").get("/api/v1/jobs")
                    .then().body("jobs.size()", equalTo(1)).body("jobs[0].status", equalTo("cancelled"));
        }
    }

    @Test
    void prusaFileMetadataGivesTheJobItsMaterialEstimatedUsageAndSettings() throws Exception {
        String auth = TestTokens.bearer("real-prusa-meta", "admin");
        try (PrusaLinkSimulator prusa = PrusaLinkSimulator.builder().password("meta").timeScale(60.0).start()) {
            prusa.addFile("usb", "/plates/petg.bgcode", PrintFiles.prusaBgcode(new PrintFiles.Slice(
                    Duration.ofMinutes(40), 23.4, "PETG", "#FF0000", 0.15, 20, 120, 240, 80, false), null));
            register(auth, "prusa_meta", prusa);
            prusa.startPrint("plates/petg.bgcode", Duration.ofMinutes(40), PrintOutcome.FINISH, 23.4);
            JsonNode job = get(auth, "/api/v1/jobs/" + onlyJob(auth, "prusa_meta"));
            assertThat(job.path("material_info").path("type").asText()).isEqualTo("PETG");
            assertThat(job.path("material_info").path("estimated_usage").asDouble()).isEqualTo(23.4);
            assertThat(job.path("print_settings").path("layer_height").asDouble()).isEqualTo(0.15);
            assertThat(job.path("print_settings").path("infill").asInt()).isEqualTo(20);
            assertThat(job.path("file_info").path("filename").asText()).isEqualTo("petg.bgcode");
        }
    }

    @Test
    void slicedFilesOfBothPrinterKindsServeTheirPreviewMetadataAndChecksum() throws Exception {
        String auth = TestTokens.bearer("real-files", "admin");
        byte[] png = PrintFiles.thumbnailPng(16, 0x22AA44);
        PrintFiles.Slice slice = new PrintFiles.Slice(Duration.ofMinutes(62), 45.5, "PLA", "#000000", 0.2, 15, 274,
                220, 55, true);
        byte[] project = PrintFiles.bambu3mf(slice, png);
        byte[] bgcode = PrintFiles.prusaBgcode(slice, png);
        try (BambuPrinterSimulator bambu = BambuPrinterSimulator.builder().serial("01S00A0B0000305")
                .model(BambuModel.A1).accessCode("30530530").start();
                PrusaLinkSimulator prusa = PrusaLinkSimulator.builder().password("files").start()) {
            bambu.addFile("/cache/bracket.3mf", project);
            prusa.addFile("usb", "/prints/bracket.bgcode", bgcode);
            register(auth, "a1_files", bambu, "A1");
            register(auth, "prusa_files", prusa);
            for (Map.Entry<String, byte[]> printer : Map.of("a1_files", project, "prusa_files", bgcode).entrySet()) {
                String fileId = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", auth)
                        .queryParam("printer_id", printer.getKey()).get("/api/v1/files").then().statusCode(200)
                        .extract().<String> path("files.find { it.metadata != null }.id"), id -> id != null);
                JsonNode file = get(auth, "/api/v1/files/" + fileId);
                assertThat(file.path("metadata").path("estimated_print_time").asInt()).isEqualTo(3720);
                assertThat(file.path("metadata").path("layer_height").asDouble()).isEqualTo(0.2);
                assertThat(file.path("metadata").path("infill").asInt()).isEqualTo(15);
                assertThat(file.path("metadata").path("material_type").asText()).isEqualTo("PLA");
                assertThat(file.path("metadata").path("nozzle_temperature").asInt()).isEqualTo(220);
                assertThat(file.path("metadata").path("bed_temperature").asInt()).isEqualTo(55);
                assertThat(file.path("metadata").path("support_material").asBoolean()).isTrue();
                assertThat(file.path("preview_url").asText()).isEqualTo("/api/v1/files/" + fileId + "/preview");
                assertThat(given().header("Authorization", auth).get(file.path("preview_url").asText()).then()
                        .statusCode(200).contentType("image/png").extract().asByteArray()).isEqualTo(png);

                given().header("Authorization", auth).post(file.path("download_url").asText()).then().statusCode(202);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", auth)
                        .get("/api/v1/files/" + fileId + "/download/status").then().statusCode(200)
                        .body("status", equalTo("completed")).body("error", nullValue()));
                assertThat(get(auth, "/api/v1/files/" + fileId).path("checksum").asText()).as(printer.getKey())
                        .isEqualTo("md5:" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                                .digest(printer.getValue())));
            }
        }
    }
}
