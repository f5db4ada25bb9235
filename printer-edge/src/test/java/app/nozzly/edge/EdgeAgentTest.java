package app.nozzly.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.nozzly.edge.CredentialStore.AgentCredential;
import app.nozzly.printer.driver.PrinterEndpoint;
import app.nozzly.printer.edge.EdgeMessage;
import app.nozzly.printer.edge.EdgeMessage.Action;
import app.nozzly.printer.edge.EdgeMessage.Chunk;
import app.nozzly.printer.edge.EdgeMessage.Command;
import app.nozzly.printer.edge.EdgeMessage.Report;
import app.nozzly.printer.edge.EdgeMessage.Result;
import app.nozzly.printer.edge.EdgeProtocol;
import app.nozzly.sim.PrintOutcome;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;

/**
 * The agent against a Bambu simulator over real TLS MQTT and implicit FTPS, and a test server playing
 * printer-service's side of the WebSocket.
 */
class EdgeAgentTest {

    /** Held here: java.util.logging keeps loggers only weakly, and with them their handlers. */
    static final Logger AGENT_LOG = Logger.getLogger("app.nozzly.edge");
    static BambuPrinterSimulator bambu;

    @TempDir
    Path stateDir;
    FakePrinterService service;
    String credential;
    EdgeAgent agent;
    final List<String> logs = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logs.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void startPrinter() {
        bambu = BambuPrinterSimulator.builder().serial("01S00A0B0000042").model(BambuModel.A1).accessCode("12345678")
                .ams(true).timeScale(60.0).reportInterval(Duration.ofMillis(200))
                .projectFileJobs(Duration.ofHours(4), PrintOutcome.FINISH, 12.5).start();
        bambu.addFile("/cache/bracket.3mf", "3mf-bytes-of-a-bracket".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopPrinter() {
        bambu.close();
    }

    @BeforeEach
    void startAgent() throws Exception {
        AGENT_LOG.addHandler(capture);
        service = new FakePrinterService();
        credential = service.credential();
        new CredentialStore(stateDir).store(new AgentCredential(UUID.randomUUID().toString(), credential));
        EdgeSettings settings = new EdgeSettings(URI.create(service.url()), null, "farm-pc", stateDir, null,
                1000, Duration.ofSeconds(2));
        agent = EdgeMain.launch(settings);
        agent.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> service.connections() == 1);
    }

    @AfterEach
    void stopAgent() throws Exception {
        agent.stop(0);
        service.close();
        AGENT_LOG.removeHandler(capture);
    }

    @Test
    void aWatchedPrintersReportsArriveNumberedInOrder() {
        service.send(new EdgeMessage.Watch(endpoint("p-order")));

        await().atMost(Duration.ofSeconds(15)).until(() -> reports("p-order").size() >= 8);
        List<Report> reports = reports("p-order");
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i).seq()).isEqualTo(reports.get(i - 1).seq() + 1);
            assertThat(reports.get(i).snapshot().receivedAt()).isAfterOrEqualTo(
                    reports.get(i - 1).snapshot().receivedAt());
        }
        assertThat(reports.get(reports.size() - 1).snapshot().temperatures().nozzle()).isNotNull();
        assertThat(log()).noneMatch(line -> line.contains(bambu.accessCode()) || line.contains(credential));
    }

    @Test
    void reportsOfADownSocketAreBufferedAndReplayedInOrderWithTheirTimesAfterTheNextWatch() throws Exception {
        service.send(new EdgeMessage.Watch(endpoint("p-buffer")));
        await().atMost(Duration.ofSeconds(15)).until(() -> reports("p-buffer").size() >= 3);

        service.close((short) 1011, true);
        Thread.sleep(2500);
        Instant reconnected = Instant.now();
        service.acceptConnections();
        await().atMost(Duration.ofSeconds(10)).until(() -> service.connections() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> service.received(EdgeMessage.Hello.class).size() == 2);
        assertThat(service.received(EdgeMessage.Hello.class).get(1).printers()).containsExactly("p-buffer");
        int beforeWatch = reports("p-buffer").size();
        Thread.sleep(700);
        assertThat(reports("p-buffer")).as("nothing goes up before the service watches again").hasSize(beforeWatch);

        service.send(new EdgeMessage.Watch(endpoint("p-buffer")));
        await().atMost(Duration.ofSeconds(10)).until(() -> reports("p-buffer").stream()
                .anyMatch(r -> r.snapshot().receivedAt().isAfter(reconnected.plusMillis(800))));
        List<Report> reports = reports("p-buffer");
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i).seq()).as("no report lost or repeated").isEqualTo(reports.get(i - 1).seq() + 1);
            assertThat(reports.get(i).snapshot().receivedAt()).isAfterOrEqualTo(
                    reports.get(i - 1).snapshot().receivedAt());
        }
        List<Report> replayed = reports.subList(beforeWatch, reports.size()).stream()
                .filter(r -> r.snapshot().receivedAt().isBefore(reconnected)).toList();
        assertThat(replayed).as("reports of the 2.5 s without a socket, with their original times")
                .hasSizeGreaterThan(3);
    }

    @Test
    void aRepeatedStartPrintOrPauseIdRunsOnce() throws Exception {
        service.send(new EdgeMessage.Watch(endpoint("p-idem")));
        await().atMost(Duration.ofSeconds(15)).until(() -> !reports("p-idem").isEmpty());

        Result started = command(new Command("start-1", "p-idem", Action.START_PRINT, "/cache/bracket.3mf", 1));
        assertThat(started.error()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> "RUNNING".equals(bambu.gcodeState()));
        assertThat(command(new Command("pause-1", "p-idem", Action.PAUSE, null, null)).error()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> "PAUSE".equals(bambu.gcodeState()));
        assertThat(command(new Command("resume-1", "p-idem", Action.RESUME, null, null)).error()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> "RUNNING".equals(bambu.gcodeState()));

        service.send(new Command("pause-1", "p-idem", Action.PAUSE, null, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> results("pause-1").size() == 2);
        Thread.sleep(1000);
        assertThat(bambu.gcodeState()).as("the repeated pause did not run").isEqualTo("RUNNING");

        assertThat(command(new Command("stop-1", "p-idem", Action.STOP, null, null)).error()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> !"RUNNING".equals(bambu.gcodeState()));
        String stopped = bambu.gcodeState();
        service.send(new Command("start-1", "p-idem", Action.START_PRINT, "/cache/bracket.3mf", 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> results("start-1").size() == 2);
        assertThat(results("start-1").get(1)).isEqualTo(started);
        Thread.sleep(1000);
        assertThat(bambu.gcodeState()).as("the repeated start did not run").isEqualTo(stopped);
    }

    @Test
    void aDownloadArrivesAsOrderedChunksWithTheExactBytes() throws Exception {
        byte[] content = new byte[EdgeProtocol.CHUNK_BYTES * 3 + 1234];
        new Random(7).nextBytes(content);
        bambu.addFile("/cache/large.3mf", content);
        service.send(new EdgeMessage.Watch(endpoint("p-down")));
        await().atMost(Duration.ofSeconds(15)).until(() -> !reports("p-down").isEmpty());

        Result result = command(new Command("down-1", "p-down", Action.DOWNLOAD, "/cache/large.3mf", null));

        assertThat(result.error()).isNull();
        List<Chunk> chunks = service.received(Chunk.class).stream().filter(c -> c.commandId().equals("down-1"))
                .toList();
        assertThat(chunks).hasSize(4).allSatisfy(c -> assertThat(c.data().length).isLessThanOrEqualTo(
                EdgeProtocol.CHUNK_BYTES));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        chunks.forEach(c -> joined.writeBytes(c.data()));
        assertThat(joined.toByteArray()).isEqualTo(content);
        int received = service.received().indexOf(result);
        assertThat(service.received().indexOf(chunks.get(3))).isLessThan(received);
    }

    @Test
    void anUploadStoresTheExactBytesOfItsChunksOnThePrinter() throws Exception {
        byte[] content = new byte[EdgeProtocol.CHUNK_BYTES * 2 + 77];
        new Random(11).nextBytes(content);
        service.send(new EdgeMessage.Watch(endpoint("p-up")));
        await().atMost(Duration.ofSeconds(15)).until(() -> !reports("p-up").isEmpty());

        Result path = command(new Command("path-1", "p-up", Action.UPLOAD_PATH, "plate.3mf", null));
        assertThat(path.value().asText()).isEqualTo("/cache/plate.3mf");
        for (int from = 0; from < content.length; from += EdgeProtocol.CHUNK_BYTES) {
            service.send(new Chunk("up-1", Arrays.copyOfRange(content, from,
                    Math.min(content.length, from + EdgeProtocol.CHUNK_BYTES))));
        }
        Result uploaded = command(new Command("up-1", "p-up", Action.UPLOAD, "/cache/plate.3mf", null));

        assertThat(uploaded.error()).isNull();
        assertThat(bambu.file("/cache/plate.3mf")).hasValueSatisfying(f -> assertThat(f.content()).isEqualTo(content));
        Result listed = command(new Command("list-1", "p-up", Action.LIST_FILES, null, null));
        assertThat(listed.value().findValuesAsText("path")).contains("/cache/plate.3mf");
    }

    @Test
    void aPrinterWatchedWithoutItsSerialIsIdentifiedByItsCertificate() {
        PrinterEndpoint known = endpoint("p-ident");
        service.send(new EdgeMessage.Watch(new PrinterEndpoint(known.protocol(), known.printerId(), known.model(),
                known.host(), known.port(), known.ftpsPort(), null, null, known.accessCode(), null, known.caPem(),
                0)));

        await().atMost(Duration.ofSeconds(15)).until(() -> !reports("p-ident").isEmpty());
        List<EdgeMessage.Identified> identified = service.received(EdgeMessage.Identified.class);
        assertThat(identified).singleElement().satisfies(i -> {
            assertThat(i.printerId()).isEqualTo("p-ident");
            assertThat(i.serial()).isEqualTo(bambu.serial());
            assertThat(i.certificateFingerprint()).isNotBlank();
        });
    }

    @Test
    void aPrinterThatDropsOffTheNetworkIsReportedLostAndReconnectedByTheAgent() {
        service.send(new EdgeMessage.Watch(endpoint("p-lost")));
        await().atMost(Duration.ofSeconds(15)).until(() -> !reports("p-lost").isEmpty());

        bambu.goOffline();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !service.received(EdgeMessage.Lost.class).isEmpty());
        } finally {
            bambu.comeBack();
        }
        Instant back = Instant.now();

        assertThat(service.received(EdgeMessage.Lost.class).get(0).printerId()).isEqualTo("p-lost");
        await().atMost(Duration.ofSeconds(15)).until(() -> reports("p-lost").stream()
                .anyMatch(r -> r.snapshot().receivedAt().isAfter(back)));
    }

    @Test
    void anUnwatchedPrintersDriverIsClosed() throws Exception {
        service.send(new EdgeMessage.Watch(endpoint("p-gone")));
        await().atMost(Duration.ofSeconds(15)).until(() -> !reports("p-gone").isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> bambu.mqttConnections() == 1);

        service.send(new EdgeMessage.Unwatch("p-gone"));

        await().atMost(Duration.ofSeconds(5)).until(() -> bambu.mqttConnections() == 0);
        int reported = reports("p-gone").size();
        Thread.sleep(600);
        assertThat(reports("p-gone")).hasSize(reported);
        Result refused = command(new Command("after-unwatch", "p-gone", Action.REFRESH, null, null));
        assertThat(refused.error()).isEqualTo("printer p-gone is not connected to this agent");
    }

    @Test
    void framesThatAreNoMessagesAreIgnoredAndUnknownPrintersAreRefused() {
        service.sendFrame("not json at all");
        service.sendFrame("{\"type\":\"teleport\",\"printerId\":\"p-x\"}");
        service.sendFrame("{\"type\":\"command\",\"commandId\":\"c-bad\",\"printerId\":\"p-x\",\"action\":\"FLY\"}");

        Result refused = command(new Command("c-none", "p-nowhere", Action.REFRESH, null, null));

        assertThat(refused.error()).isEqualTo("printer p-nowhere is not connected to this agent");
        assertThat(agent.stopped()).isNotDone();
    }

    @Test
    void closeCode4403StopsTheAgentAsRevokedWithExitCodeThree() {
        service.send(new EdgeMessage.Watch(endpoint("p-revoked")));
        await().atMost(Duration.ofSeconds(15)).until(() -> !reports("p-revoked").isEmpty());
        service.revoke(credential);

        service.close(EdgeProtocol.REVOKED, false);

        assertThat(agent.stopped()).succeedsWithin(Duration.ofSeconds(15)).isEqualTo(EdgeAgent.REVOKED_EXIT);
        assertThat(log()).anyMatch(line -> line.contains("revoked"));
        assertThat(service.connections()).as("a revoked agent does not come back").isEqualTo(1);
    }

    @Test
    void aCredentialRefusedOnTheUpgradeStopsTheAgentAsRevoked() {
        service.revoke(credential);

        service.close((short) 1011, false);

        assertThat(agent.stopped()).succeedsWithin(Duration.ofSeconds(15)).isEqualTo(EdgeAgent.REVOKED_EXIT);
        assertThat(log()).anyMatch(line -> line.contains("revoked") && line.contains("401"));
    }

    private PrinterEndpoint endpoint(String printerId) {
        return new PrinterEndpoint(PrinterEndpoint.BAMBU, printerId, "A1", bambu.host(), bambu.mqttPort(),
                bambu.ftpsPort(), bambu.serial(), null, bambu.accessCode(), null, bambu.caCertificatePem(), 0);
    }

    private Result command(Command command) {
        service.send(command);
        await().atMost(Duration.ofSeconds(20)).until(() -> !results(command.commandId()).isEmpty());
        return results(command.commandId()).get(0);
    }

    private List<Result> results(String commandId) {
        return service.received(Result.class).stream().filter(r -> r.commandId().equals(commandId)).toList();
    }

    private List<Report> reports(String printerId) {
        return service.received(Report.class).stream().filter(r -> r.printerId().equals(printerId)).toList();
    }

    private List<String> log() {
        return logs;
    }
}
