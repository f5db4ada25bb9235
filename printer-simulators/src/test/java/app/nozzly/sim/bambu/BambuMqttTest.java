package app.nozzly.sim.bambu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.nozzly.sim.PrintOutcome;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttConnectionException;

class BambuMqttTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    // one CA for the class: RSA key generation is the slowest part of starting a printer
    private static final BambuCertificateAuthority CA = BambuCertificateAuthority.generate();

    private BambuPrinterSimulator printer;
    private final List<BambuMqttTestClient> clients = new ArrayList<>();

    @BeforeEach
    void startPrinter() {
        printer = BambuPrinterSimulator.builder()
                .serial("01S00A0B0000001")
                .model(BambuModel.X1C)
                .accessCode("12345678")
                .ams(true)
                .timeScale(600.0)
                .reportInterval(Duration.ofMillis(100))
                .mqttPort(0)
                .ftpsPort(0)
                .certificateAuthority(CA)
                .start();
    }

    @AfterEach
    void stopPrinter() {
        clients.forEach(BambuMqttTestClient::close);
        printer.close();
    }

    private BambuMqttTestClient client(String id) throws Exception {
        BambuMqttTestClient client = BambuMqttTestClient.connect(printer, id);
        clients.add(client);
        return client;
    }

    @Test
    void serverCertificateHasCnSerialWithoutSanSignedByTheSimulatorCa() throws Exception {
        TrustManager trust = new BambuMqttTestClient.SerialCheckingTrustManager(printer.caCertificatePem(), printer.serial());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(printer.host(), printer.mqttPort())) {
            socket.startHandshake();
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(BambuMqttTestClient.SerialCheckingTrustManager.commonName(leaf)).isEqualTo("01S00A0B0000001");
            assertThat(leaf.getSubjectAlternativeNames()).isNull();
            assertThat(leaf.getIssuerX500Principal()).isEqualTo(printer.certificateAuthority().certificate().getSubjectX500Principal());
        }
    }

    @Test
    void clientTrustingAnotherCaOrExpectingAnotherSerialCannotConnect() {
        String otherCa = BambuCertificateAuthority.generate().certificatePem();
        assertThatThrownBy(() -> BambuMqttTestClient.connect(printer.host(), printer.mqttPort(), printer.serial(),
                printer.accessCode(), otherCa, "wrong-ca")).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> BambuMqttTestClient.connect(printer.host(), printer.mqttPort(), "01S00A0B0000999",
                printer.accessCode(), printer.caCertificatePem(), "wrong-serial")).isInstanceOf(Exception.class);
    }

    @Test
    void wrongAccessCodeIsRefusedWithBadCredentials() {
        assertThatThrownBy(() -> BambuMqttTestClient.connect(printer.host(), printer.mqttPort(), printer.serial(),
                "87654321", printer.caCertificatePem(), "intruder"))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(MqttConnectionException.class, refused -> assertThat(refused.code())
                        .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD));
    }

    @Test
    void pushallAnswersAFullReportWithAmsTraysThenOnlyChangedFields() throws Exception {
        BambuMqttTestClient client = client("dashboard");
        client.pushall();
        JsonObject full = client.await(message -> message.getJsonObject("print") != null
                && Integer.valueOf(0).equals(message.getJsonObject("print").getInteger("msg"))).getJsonObject("print");

        assertThat(full.getString("command")).isEqualTo("push_status");
        assertThat(full.getString("gcode_state")).isEqualTo("IDLE");
        assertThat(full.fieldNames()).contains("mc_percent", "mc_remaining_time", "layer_num", "total_layer_num",
                "nozzle_temper", "nozzle_target_temper", "bed_temper", "bed_target_temper", "chamber_temper",
                "gcode_file", "subtask_name", "print_error", "hms", "vt_tray", "sequence_id");
        assertThat(full.getValue("mc_print_stage")).isInstanceOf(String.class);
        JsonArray units = full.getJsonObject("ams").getJsonArray("ams");
        assertThat(units).hasSize(2);
        JsonObject tray = units.getJsonObject(0).getJsonArray("tray").getJsonObject(0);
        assertThat(tray.getString("id")).isEqualTo("0");
        assertThat(tray.getString("tray_type")).isNotBlank();
        assertThat(tray.getString("tray_color")).matches("[0-9A-F]{8}");
        assertThat(tray.fieldNames()).contains("remain", "tray_info_idx", "tag_uid");
        assertThat(full.getJsonObject("vt_tray").getString("id")).isNotBlank();

        printer.startPrint("bracket.3mf", Duration.ofHours(2), PrintOutcome.FINISH, 30.0);
        JsonObject partial = client.await(message -> message.getJsonObject("print") != null
                && "RUNNING".equals(message.getJsonObject("print").getString("gcode_state"))).getJsonObject("print");
        assertThat(partial.getInteger("msg")).isEqualTo(1);
        assertThat(partial.fieldNames()).doesNotContain("vt_tray", "lights_report", "ipcam");

        JsonObject later = client.await(message -> message.getJsonObject("print") != null
                && message.getJsonObject("print").containsKey("mc_percent")).getJsonObject("print");
        assertThat(later.fieldNames()).doesNotContain("gcode_state", "subtask_name", "vt_tray");
    }

    @Test
    void getVersionIsAnsweredWithTheSerial() throws Exception {
        BambuMqttTestClient client = client("versions");
        client.send(new JsonObject().put("info", new JsonObject().put("sequence_id", "7").put("command", "get_version")));
        JsonObject info = client.await(message -> message.getJsonObject("info") != null).getJsonObject("info");
        assertThat(info.getString("sequence_id")).isEqualTo("7");
        assertThat(info.getJsonArray("module").stream().map(JsonObject.class::cast)
                .filter(module -> "ota".equals(module.getString("name"))).findFirst().orElseThrow().getString("sn"))
                .isEqualTo(printer.serial());
    }

    @Test
    void pauseResumeAndStopAreAnsweredAndReflectedInTheReport() throws Exception {
        BambuMqttTestClient client = client("operator");
        printer.startPrint("bracket.3mf", Duration.ofHours(10), PrintOutcome.FINISH, 30.0);
        await().atMost(WAIT).until(() -> printer.gcodeState().equals("RUNNING"));

        JsonObject pause = client.command("pause", "11").getJsonObject("print");
        assertThat(pause.getString("result")).isEqualTo("success");
        assertThat(printer.gcodeState()).isEqualTo("PAUSE");
        client.await(message -> message.getJsonObject("print") != null
                && "PAUSE".equals(message.getJsonObject("print").getString("gcode_state")));

        JsonObject pauseAgain = client.command("pause", "12").getJsonObject("print");
        assertThat(pauseAgain.getString("result")).isEqualTo("fail");
        assertThat(pauseAgain.getString("reason")).contains("not printing");

        JsonObject resume = client.command("resume", "13").getJsonObject("print");
        assertThat(resume.getString("result")).isEqualTo("success");
        assertThat(printer.gcodeState()).isEqualTo("RUNNING");

        JsonObject stop = client.command("stop", "14").getJsonObject("print");
        assertThat(stop.getString("result")).isEqualTo("success");
        JsonObject stopped = client.await(message -> message.getJsonObject("print") != null
                && "FAILED".equals(message.getJsonObject("print").getString("gcode_state"))).getJsonObject("print");
        assertThat(stopped.getInteger("print_error")).isEqualTo(BambuPrinterState.PRINT_ERROR_CANCELLED);
        assertThat(printer.gcodeState()).isEqualTo("FAILED");
    }

    @Test
    void lockedPrinterRefusesPrintCommandsLikeTheFirmwareWhileItsReportsGoOn() throws Exception {
        BambuMqttTestClient client = client("third-party");
        printer.addFile("/cache/bracket.3mf", new byte[] {1, 2, 3});
        printer.startPrint("vase.3mf", Duration.ofHours(10), PrintOutcome.FINISH, 30.0);
        await().atMost(WAIT).until(() -> printer.gcodeState().equals("RUNNING"));
        printer.authorizationLocked(true);

        JsonObject pause = client.command("pause", "31").getJsonObject("print");
        assertThat(pause.getString("result")).isEqualTo("failed");
        assertThat(pause.getString("reason")).isEqualTo("mqtt message verify failed");
        assertThat(pause.getInteger("err_code")).isEqualTo(84033543).isEqualTo(0x05024007);
        assertThat(printer.gcodeState()).isEqualTo("RUNNING");

        JsonObject heat = client.command("gcode_line", "32").getJsonObject("print");
        assertThat(heat.getString("result")).isEqualTo("failed");
        assertThat(heat.getInteger("err_code")).isEqualTo(0x05024007);

        client.send(new JsonObject().put("print", new JsonObject().put("sequence_id", "33")
                .put("command", "project_file").put("param", "Metadata/plate_1.gcode")
                .put("url", "ftp:///cache/bracket.3mf").put("use_ams", true)));
        JsonObject project = client.await(message -> message.getJsonObject("print") != null
                && "33".equals(message.getJsonObject("print").getString("sequence_id"))).getJsonObject("print");
        assertThat(project.getString("url")).as("the whole command comes back").isEqualTo("ftp:///cache/bracket.3mf");
        assertThat(project.getInteger("err_code")).isEqualTo(0x05024007);
        assertThat(project.containsKey("result")).isFalse();

        client.send(new JsonObject().put("header", new JsonObject().put("sign_ver", "v1.0").put("sign_string", "x"))
                .put("print", new JsonObject().put("sequence_id", "34").put("command", "stop").put("param", "")));
        JsonObject signed = client.await(message -> message.getJsonObject("print") != null
                && "34".equals(message.getJsonObject("print").getString("sequence_id"))).getJsonObject("print");
        assertThat(signed.getInteger("err_code")).as("a signature it cannot verify").isEqualTo(84033545);
        assertThat(printer.refusedCommands()).isEqualTo(4);
        assertThat(printer.gcodeState()).isEqualTo("RUNNING");

        int percent = printer.currentReport().getInteger("mc_percent");
        client.await(message -> message.getJsonObject("print") != null
                && message.getJsonObject("print").getInteger("mc_percent", 0) > percent);
        client.pushall();
        JsonObject full = client.await(message -> message.getJsonObject("print") != null
                && Integer.valueOf(0).equals(message.getJsonObject("print").getInteger("msg"))).getJsonObject("print");
        assertThat(full.getString("gcode_state")).isEqualTo("RUNNING");
        assertThat(Long.parseLong(full.getString("fun"), 16) & 0x20000000L).as("X1C firmware shows it in fun")
                .isNotZero();

        printer.authorizationLocked(false);
        JsonObject developerMode = client.await(message -> message.getJsonObject("print") != null
                && message.getJsonObject("print").getString("fun") != null).getJsonObject("print");
        assertThat(Long.parseLong(developerMode.getString("fun"), 16) & 0x20000000L).isZero();
        assertThat(client.command("pause", "35").getJsonObject("print").getString("result")).isEqualTo("success");
        assertThat(printer.gcodeState()).isEqualTo("PAUSE");
    }

    @Test
    void printProgressesAndEndsInFinishReportingFilamentUsedPerTray() throws Exception {
        BambuMqttTestClient client = client("watcher");
        double before = printer.trayGrams(0).orElseThrow();
        printer.startPrint("bracket.3mf", Duration.ofHours(1), PrintOutcome.FINISH, 42.0);

        JsonObject halfway = client.await(message -> message.getJsonObject("print") != null
                && message.getJsonObject("print").getInteger("mc_percent", 0) > 0
                && message.getJsonObject("print").getInteger("mc_percent") < 100).getJsonObject("print");
        assertThat(halfway.getInteger("mc_percent")).isBetween(1, 99);

        client.pushall();
        JsonObject finished = client.await(message -> message.getJsonObject("print") != null
                && "FINISH".equals(message.getJsonObject("print").getString("gcode_state"))).getJsonObject("print");
        assertThat(finished.getInteger("mc_percent")).isEqualTo(100);
        assertThat(finished.getInteger("mc_remaining_time")).isZero();
        JsonObject used = finished.getJsonObject("filament_used");
        assertThat(used.getDouble("total_g")).isEqualTo(42.0);
        assertThat(used.getJsonArray("trays").getJsonObject(0).getInteger("tray_index")).isZero();
        assertThat(printer.trayGrams(0).orElseThrow()).isCloseTo(before - 42.0, org.assertj.core.data.Offset.offset(0.01));

        client.pushall();
        JsonObject full = client.await(message -> message.getJsonObject("print") != null
                && Integer.valueOf(0).equals(message.getJsonObject("print").getInteger("msg"))).getJsonObject("print");
        int remain = full.getJsonObject("ams").getJsonArray("ams").getJsonObject(0).getJsonArray("tray")
                .getJsonObject(0).getInteger("remain");
        assertThat(remain).isEqualTo((int) Math.floor((before - 42.0) / 10));
    }

    @Test
    void failingPrintEndsInFailedWithPrintErrorAndHmsEntry() throws Exception {
        BambuMqttTestClient client = client("watcher");
        printer.startPrint("bracket.3mf", Duration.ofMinutes(20), PrintOutcome.FAILED, 20.0);
        JsonObject failed = client.await(message -> message.getJsonObject("print") != null
                && "FAILED".equals(message.getJsonObject("print").getString("gcode_state"))).getJsonObject("print");
        assertThat(failed.getInteger("print_error")).isEqualTo(BambuPrinterState.PRINT_ERROR_FILAMENT_RUNOUT);
        assertThat(failed.getJsonArray("hms")).hasSize(1);
        assertThat(failed.getJsonObject("filament_used").getDouble("total_g")).isEqualTo(12.0);
        assertThat(printer.gcodeState()).isEqualTo("FAILED");
    }

    @Test
    void projectFileStartsAFileFromStorageAndAMissingFileIsAnsweredFail() throws Exception {
        BambuMqttTestClient client = client("slicer");
        printer.addFile("/cache/bracket.3mf", new byte[] {1, 2, 3});
        printer.projectFileJobs(Duration.ofHours(1), PrintOutcome.FINISH, 10.0);

        client.send(new JsonObject().put("print", new JsonObject().put("sequence_id", "21").put("command", "project_file")
                .put("param", "Metadata/plate_1.gcode").put("url", "ftp:///nothere.3mf").put("use_ams", true)));
        JsonObject missing = client.await(message -> message.getJsonObject("print") != null
                && "21".equals(message.getJsonObject("print").getString("sequence_id"))).getJsonObject("print");
        assertThat(missing.getString("result")).isEqualTo("fail");
        assertThat(printer.gcodeState()).isEqualTo("IDLE");

        client.send(new JsonObject().put("print", new JsonObject().put("sequence_id", "22").put("command", "project_file")
                .put("param", "Metadata/plate_1.gcode").put("url", "ftp:///cache/bracket.3mf")
                .put("subtask_name", "Bracket v2").put("use_ams", true).put("ams_mapping", new JsonArray().add(5))));
        JsonObject started = client.await(message -> message.getJsonObject("print") != null
                && "22".equals(message.getJsonObject("print").getString("sequence_id"))).getJsonObject("print");
        assertThat(started.getString("result")).isEqualTo("success");
        assertThat(started.getString("command")).isEqualTo("project_file");
        JsonObject report = printer.currentReport();
        assertThat(report.getString("subtask_name")).isEqualTo("Bracket v2");
        assertThat(report.getString("gcode_file")).isEqualTo("bracket.3mf");
        assertThat(report.getJsonObject("ams").getString("tray_now")).isEqualTo("5");
    }

    @Test
    void moreThanFiveConnectionsAreRefused() throws Exception {
        for (int i = 0; i < 5; i++) {
            client("client-" + i);
        }
        assertThatThrownBy(() -> client("client-6"))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(MqttConnectionException.class, refused -> assertThat(refused.code())
                        .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE));
        clients.remove(0).close();
        await().atMost(WAIT).until(() -> printer.mqttConnections() == 4);
        client("client-7");
    }

    @Test
    void goOfflineClosesConnectionsAndRefusesNewOnesUntilComeBack() throws Exception {
        BambuMqttTestClient client = client("watcher");
        printer.goOffline();
        await().atMost(WAIT).until(() -> !client.isConnected());
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(printer.host(), printer.mqttPort()), 2000);
            }
        }).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(printer.host(), printer.ftpsPort()), 2000);
            }
        }).isInstanceOf(ConnectException.class);

        printer.comeBack();
        BambuMqttTestClient again = client("watcher-again");
        again.pushall();
        again.await(message -> message.getJsonObject("print") != null
                && Integer.valueOf(0).equals(message.getJsonObject("print").getInteger("msg")));
    }
}
