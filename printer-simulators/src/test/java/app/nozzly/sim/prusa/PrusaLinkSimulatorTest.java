package app.nozzly.sim.prusa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.nozzly.sim.PrintFiles;
import app.nozzly.sim.PrintOutcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class PrusaLinkSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private PrusaLinkSimulator printer;
    private DigestHttpClient client;

    @BeforeEach
    void startPrinter() {
        printer = PrusaLinkSimulator.builder()
                .model("Core One")
                .username("maker")
                .password("secret")
                .port(0)
                .timeScale(600.0)
                .nonceLifetime(Duration.ofSeconds(30))
                .start();
        client = new DigestHttpClient(printer.url(), "maker", "secret");
    }

    @AfterEach
    void stopPrinter() {
        printer.close();
    }

    private static JsonObject json(HttpResponse<String> response) {
        return new JsonObject(response.body());
    }

    @Test
    void requestsWithoutOrWithWrongDigestAreAnswered401WithAChallenge() throws Exception {
        HttpResponse<String> anonymous = client.sendOnce("GET", "/api/v1/status", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(challenge).startsWith("Digest ").contains("realm=\"Printer API\"", "qop=\"auth\"", "nonce=\"")
                .doesNotContain("stale=true");

        DigestHttpClient intruder = new DigestHttpClient(printer.url(), "maker", "wrong");
        HttpResponse<String> wrong = intruder.send("GET", "/api/v1/status", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate").orElseThrow()).doesNotContain("stale=true");

        assertThat(client.get("/api/v1/status").statusCode()).isEqualTo(200);
    }

    @Test
    void staleNonceIsAnswered401WithStaleTrueAndTheNewNonceWorks() throws Exception {
        printer.close();
        printer = PrusaLinkSimulator.builder().password("secret").nonceLifetime(Duration.ofMillis(1500)).start();
        client = new DigestHttpClient(printer.url(), "maker", "secret");
        assertThat(client.get("/api/version").statusCode()).isEqualTo(200);
        Thread.sleep(2000);

        HttpResponse<String> stale = client.sendOnce("GET", "/api/version", null);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("stale=true");

        client.takeChallenge(stale);
        assertThat(client.sendOnce("GET", "/api/version", null).statusCode()).isEqualTo(200);
    }

    @Test
    void versionInfoStatusAndStorageHaveTheOpenApiShapes() throws Exception {
        JsonObject version = json(client.get("/api/version"));
        assertThat(version.fieldNames()).contains("api", "version", "printer", "text");
        assertThat(version.getJsonObject("capabilities").getBoolean("upload-by-put")).isTrue();

        JsonObject info = json(client.get("/api/v1/info"));
        assertThat(info.getString("serial")).isEqualTo(printer.serial());
        assertThat(info.getDouble("nozzle_diameter")).isEqualTo(0.4);

        JsonObject status = json(client.get("/api/v1/status"));
        assertThat(status.getJsonObject("printer").getString("state")).isEqualTo("IDLE");
        assertThat(status.getJsonObject("printer").fieldNames()).contains("temp_nozzle", "target_nozzle", "temp_bed",
                "target_bed");
        assertThat(status.containsKey("job")).isFalse();

        JsonArray storages = json(client.get("/api/v1/storage")).getJsonArray("storage_list");
        assertThat(storages.getJsonObject(0).getString("path")).isEqualTo("/usb");
        assertThat(storages.getJsonObject(0).getBoolean("available")).isTrue();
    }

    @Test
    void jobIs204WhenIdleThen200WhilePrintingAndTheStatusShowsProgress() throws Exception {
        HttpResponse<String> idle = client.get("/api/v1/job");
        assertThat(idle.statusCode()).isEqualTo(204);
        assertThat(idle.body()).isEmpty();

        printer.addFile("usb", "/bracket.bgcode", new byte[] {1, 2, 3});
        printer.startPrint("bracket.bgcode", Duration.ofHours(5), PrintOutcome.FINISH, 40.0);
        await().atMost(WAIT).until(() -> json(client.get("/api/v1/status")).getJsonObject("job")
                .getDouble("progress") > 0);

        HttpResponse<String> printing = client.get("/api/v1/job");
        assertThat(printing.statusCode()).isEqualTo(200);
        JsonObject job = json(printing);
        assertThat(job.getString("state")).isEqualTo("PRINTING");
        assertThat(job.getJsonObject("file").getString("display_name")).isEqualTo("bracket.bgcode");
        assertThat(job.getJsonObject("file").getLong("size")).isEqualTo(3);
        assertThat(job.getLong("time_printing")).isPositive();
        assertThat(job.getLong("time_remaining")).isPositive();
        JsonObject status = json(client.get("/api/v1/status"));
        assertThat(status.getJsonObject("printer").getString("state")).isEqualTo("PRINTING");
        assertThat(status.getJsonObject("job").getInteger("id")).isEqualTo(job.getInteger("id"));
    }

    @Test
    void pauseResumeAndStopChangeTheStateAndWrongStatesAreConflicts() throws Exception {
        printer.startPrint("bracket.bgcode", Duration.ofHours(5), PrintOutcome.FINISH, 40.0);
        int id = json(client.get("/api/v1/job")).getInteger("id");

        assertThat(client.send("PUT", "/api/v1/job/" + (id + 1) + "/pause", null).statusCode()).isEqualTo(404);
        assertThat(client.send("PUT", "/api/v1/job/" + id + "/resume", null).statusCode()).isEqualTo(409);
        assertThat(client.send("PUT", "/api/v1/job/" + id + "/pause", null).statusCode()).isEqualTo(204);
        assertThat(printer.state()).isEqualTo("PAUSED");
        assertThat(json(client.get("/api/v1/job")).getString("state")).isEqualTo("PAUSED");
        assertThat(client.send("PUT", "/api/v1/job/" + id + "/resume", null).statusCode()).isEqualTo(204);
        assertThat(printer.state()).isEqualTo("PRINTING");
        assertThat(client.send("DELETE", "/api/v1/job/" + id, null).statusCode()).isEqualTo(204);
        assertThat(printer.state()).isEqualTo("STOPPED");
        assertThat(client.send("DELETE", "/api/v1/job/" + id, null).statusCode()).isEqualTo(409);
    }

    @Test
    void uploadWithPrintAfterUploadPrintsTheFileForItsSlicedTimeAndFinishes() throws Exception {
        byte[] gcode = ("; generated by PrusaSlicer\n; filament used [g] = 3.25\n"
                + "; estimated printing time (normal mode) = 10m 30s\nG28\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> upload = client.send("PUT", "/api/v1/files/usb/parts/clip.gcode", gcode,
                "Content-Type", "application/octet-stream", "Print-After-Upload", "?1");
        assertThat(upload.statusCode()).isEqualTo(201);
        JsonObject job = json(client.get("/api/v1/job"));
        assertThat(job.getJsonObject("file").getString("path")).isEqualTo("/usb/parts");
        assertThat(job.getJsonObject("file").getJsonObject("meta").getLong("estimated_print_time")).isEqualTo(630);
        assertThat(job.getLong("time_remaining")).isBetween(0L, 630L);

        await().atMost(WAIT).until(() -> printer.state().equals("FINISHED"));
        JsonObject finished = json(client.get("/api/v1/job"));
        assertThat(finished.getString("state")).isEqualTo("FINISHED");
        assertThat(finished.getDouble("progress")).isEqualTo(100.0);
        assertThat(printer.filamentUsedGrams()).isEqualTo(3.25);
    }

    @Test
    void failingPrintEndsInError() throws Exception {
        printer.startPrint("bracket.bgcode", Duration.ofMinutes(10), PrintOutcome.FAILED, 10.0);
        await().atMost(WAIT).until(() -> printer.state().equals("ERROR"));
        JsonObject job = json(client.get("/api/v1/job"));
        assertThat(job.getString("state")).isEqualTo("ERROR");
        assertThat(job.getDouble("progress")).isEqualTo(60.0);
        assertThat(printer.filamentUsedGrams()).isEqualTo(6.0);
    }

    @Test
    void filesCanBeListedInspectedReplacedOnlyWithOverwriteAndDeleted() throws Exception {
        byte[] first = "G28\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(client.send("PUT", "/api/v1/files/usb/bracket.bgcode", first).statusCode()).isEqualTo(201);
        assertThat(client.send("PUT", "/api/v1/files/usb/bracket.bgcode", first).statusCode()).isEqualTo(409);
        assertThat(client.send("PUT", "/api/v1/files/usb/bracket.bgcode", first, "Overwrite", "?1").statusCode())
                .isEqualTo(201);

        JsonObject root = json(client.get("/api/v1/files/usb"));
        assertThat(root.getString("type")).isEqualTo("FOLDER");
        assertThat(root.getJsonArray("children").getJsonObject(0).getString("name")).isEqualTo("bracket.bgcode");

        JsonObject file = json(client.get("/api/v1/files/usb/bracket.bgcode"));
        assertThat(file.getString("type")).isEqualTo("PRINT_FILE");
        assertThat(file.getLong("size")).isEqualTo(first.length);

        HttpResponse<String> head = client.send("HEAD", "/api/v1/files/usb/bracket.bgcode", null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Currently-Printed")).contains("false");

        assertThat(client.send("POST", "/api/v1/files/usb/bracket.bgcode", null).statusCode()).isEqualTo(204);
        assertThat(client.send("DELETE", "/api/v1/files/usb/bracket.bgcode", null).statusCode()).isEqualTo(409);
        int id = json(client.get("/api/v1/job")).getInteger("id");
        assertThat(client.send("DELETE", "/api/v1/job/" + id, null).statusCode()).isEqualTo(204);
        assertThat(client.send("DELETE", "/api/v1/files/usb/bracket.bgcode", null).statusCode()).isEqualTo(204);
        assertThat(client.get("/api/v1/files/usb/bracket.bgcode").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v1/files/sd/bracket.bgcode").statusCode()).isEqualTo(404);
    }

    @Test
    void anEmptyFilePathIsRefusedAsTheOpenApiRequiresOneAndTheStorageItselfIsTheRoot() throws Exception {
        printer.addFile("usb", "/parts/clip.gcode", "G28\n".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> empty = client.send("GET", "/api/v1/files/usb/", null, "Accept", "application/json");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(json(empty).getString("title")).isEqualTo("Unprocessable Entity");
        assertThat(json(client.get("/api/v1/files/usb")).getJsonArray("children").getJsonObject(0).getString("type"))
                .isEqualTo("FOLDER");
        assertThat(json(client.get("/api/v1/files/usb/parts")).getJsonArray("children").getJsonObject(0)
                .getString("name")).isEqualTo("clip.gcode");
    }

    @Test
    void printFilesShowTheirMetadataAndServeTheirDownloadAndThumbnailRefs() throws Exception {
        byte[] png = PrintFiles.thumbnailPng(16, 0x3366FF);
        PrintFiles.Slice slice = new PrintFiles.Slice(Duration.ofMinutes(62), 23.4, "PETG", "#FF0000", 0.15, 20, 120,
                240, 80, true);
        byte[] bgcode = PrintFiles.prusaBgcode(slice, png);
        printer.addFile("usb", "/plates/bracket.bgcode", bgcode);

        JsonObject file = json(client.get("/api/v1/files/usb/plates/bracket.bgcode"));
        JsonObject meta = file.getJsonObject("meta");
        assertThat(meta.getString("filament_type")).isEqualTo("PETG");
        assertThat(meta.getDouble("filament used [g]")).isEqualTo(23.4);
        assertThat(meta.getLong("estimated_print_time")).isEqualTo(3720);
        assertThat(meta.getDouble("layer_height")).isEqualTo(0.15);
        assertThat(meta.getString("fill_density")).isEqualTo("20%");
        assertThat(meta.getInteger("temperature")).isEqualTo(240);
        assertThat(meta.getInteger("bed_temperature")).isEqualTo(80);
        JsonObject refs = file.getJsonObject("refs");

        HttpResponse<byte[]> download = client.getBytes(refs.getString("download"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bgcode);
        HttpResponse<byte[]> thumbnail = client.getBytes(refs.getString("thumbnail"));
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(thumbnail.body()).isEqualTo(png);
        assertThat(client.getBytes(refs.getString("icon")).body()).isEqualTo(png);

        printer.addFile("usb", "/plain.gcode", "G28\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(json(client.get("/api/v1/files/usb/plain.gcode")).getJsonObject("refs").containsKey("thumbnail"))
                .as("a file without thumbnails offers none").isFalse();
        assertThat(client.getBytes("/usb/missing.gcode").statusCode()).isEqualTo(404);

        assertThat(client.send("POST", "/api/v1/files/usb/plates/bracket.bgcode", null).statusCode()).isEqualTo(204);
        JsonObject job = json(client.get("/api/v1/job"));
        assertThat(job.getLong("time_remaining")).as("printed for the sliced time").isGreaterThan(3000);
        assertThat(job.getJsonObject("file").getJsonObject("meta").getString("filament_type")).isEqualTo("PETG");
    }

    @Test
    void aPrintFoundMidWayReportsItsElapsedAndRemainingTime() throws Exception {
        printer.startPrint("vase.bgcode", Duration.ofMinutes(60), PrintOutcome.FINISH, 30, Duration.ofMinutes(30));
        JsonObject job = json(client.get("/api/v1/status")).getJsonObject("job");
        assertThat(job.getDouble("progress")).isBetween(50.0, 60.0);
        assertThat(job.getLong("time_printing")).isBetween(1800L, 2200L);
        assertThat(job.getLong("time_remaining")).isBetween(1400L, 1800L);
    }

    @Test
    void aSerialPrintIsAJobWithoutAFile() throws Exception {
        printer.startSerialPrint(Duration.ofMinutes(30), PrintOutcome.FINISH, 10);
        JsonObject job = json(client.get("/api/v1/job"));
        assertThat(job.getBoolean("serial_print")).isTrue();
        assertThat(job.containsKey("file")).isFalse();
        assertThat(json(client.get("/api/v1/status")).getJsonObject("printer").getString("state"))
                .isEqualTo("PRINTING");
    }

    @Test
    void aStopWithLatencyKeepsTheSameJobPrintingUntilThePrinterHasParked() throws Exception {
        printer.stopLatency(Duration.ofSeconds(2));
        printer.startPrint("slow.bgcode", Duration.ofHours(2), PrintOutcome.FINISH, 30);
        int id = json(client.get("/api/v1/job")).getInteger("id");
        assertThat(client.send("DELETE", "/api/v1/job/" + id, null).statusCode()).isEqualTo(204);
        JsonObject stopping = json(client.get("/api/v1/status"));
        assertThat(stopping.getJsonObject("printer").getString("state")).isEqualTo("PRINTING");
        assertThat(stopping.getJsonObject("job").getInteger("id")).isEqualTo(id);
        await().atMost(WAIT).until(() -> "STOPPED".equals(printer.state()));
    }

    @Test
    void corruptTelemetryIsReportedUntilThePrinterReportsTruthfullyAgain() throws Exception {
        printer.startPrint("part.bgcode", Duration.ofHours(1), PrintOutcome.FINISH, 30);
        printer.corruptTelemetry(new JsonObject().put("printer", new JsonObject().put("temp_nozzle", 42_901_129))
                .put("job", new JsonObject().put("progress", -70_663_677)),
                new JsonObject().put("file", new JsonObject().put("meta",
                        new JsonObject().put("filament used [g]", -63_608_587))));
        JsonObject status = json(client.get("/api/v1/status"));
        assertThat(status.getJsonObject("printer").getDouble("temp_nozzle")).isEqualTo(42_901_129);
        assertThat(status.getJsonObject("printer").getString("state")).isEqualTo("PRINTING");
        assertThat(status.getJsonObject("job").getDouble("progress")).isEqualTo(-70_663_677);
        assertThat(json(client.get("/api/v1/job")).getJsonObject("file").getJsonObject("meta")
                .getDouble("filament used [g]")).isEqualTo(-63_608_587);
        printer.reportTruthfully();
        assertThat(json(client.get("/api/v1/status")).getJsonObject("printer").getDouble("temp_nozzle"))
                .isLessThan(300);
    }

    @Test
    void goOfflineRefusesConnectionsUntilComeBack() throws Exception {
        assertThat(client.get("/api/v1/status").statusCode()).isEqualTo(200);
        printer.goOffline();
        assertThatThrownBy(() -> client.get("/api/v1/status")).isInstanceOf(ConnectException.class);
        printer.comeBack();
        assertThat(client.get("/api/v1/status").statusCode()).isEqualTo(200);
    }
}
