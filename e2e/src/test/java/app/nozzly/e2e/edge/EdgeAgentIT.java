package app.nozzly.e2e.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.gateway.CorsPolicy;
import app.nozzly.gateway.Gateway;
import app.nozzly.gateway.GatewayConfig;
import app.nozzly.gateway.RouteMap;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.ServiceProcess;
import app.nozzly.testing.ServiceStack;
import app.nozzly.testing.TestTokens;
import app.nozzly.testing.WebSocketFeed;
import io.restassured.http.ContentType;

/**
 * A farm behind its own network, the platform in "the cloud": the printer simulators and the farm's edge agent
 * run in a network namespace of their own; printer-service cannot reach the printers, the agent reaches only the
 * gateway. Everything a farm does goes through the agent: registration, live status on REST and /ws, a queued
 * print, pause, resume and cancel, a file download, the job events production relies on; the agent killed in the
 * middle of a print and started again loses nothing and counts nothing twice; a revoked agent is cut off at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeAgentIT {

    private static final String TENANT = "edge-farm";
    private static final String AUTH = TestTokens.bearer(TENANT, "admin");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path WORK = Path.of("target/edge").toAbsolutePath();

    private static FarmNetwork network;
    private static ServiceStack stack;
    private static ServiceProcess printerService;
    private static Gateway gateway;
    private static String gatewayUrl;
    private static Process farm;
    private static Process agent;
    private static JsonNode printers;
    private static String agentId;
    private static WebSocketFeed live;

    @BeforeAll
    static void farmBehindItsOwnNetwork() throws Exception {
        assumeThat(FarmNetwork.available()).as("network namespaces need root and iproute2 (ip netns)").isTrue();
        network = FarmNetwork.create();
        Farm.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        stack = new ServiceStack("edge-it", 2, Map.of());
        Map<String, String> config = stack.printerSettings();
        config.put("printer.connection.offline-after", "6s");
        config.put("printer.queue.dispatch-interval", "1s");
        config.put("printer.files.storage-dir", WORK.resolve("printer-files").toString());
        printerService = stack.start("printer-service", config);
        int servicePort = Integer.parseInt(printerService.url().substring(printerService.url().lastIndexOf(':') + 1));
        int gatewayPort = freePort(network.hostAddress());
        GatewayConfig.Builder routes = GatewayConfig.builder().listen(network.hostAddress(), gatewayPort)
                .health("/q/health/ready", Duration.ofSeconds(1)).accessLog(WORK.resolve("gateway-access.log"))
                .upstream("printer-service", new GatewayConfig.Endpoint("127.0.0.1", servicePort));
        RouteMap.ALL.stream().filter(route -> route.service().equals("printer-service"))
                .forEach(route -> routes.route(route.prefix(), route.service(), route.family(), CorsPolicy.none()));
        gateway = Gateway.start(routes.build());
        gatewayUrl = "http://" + network.hostAddress() + ":" + gatewayPort;

        Path simulators = ROOT.resolve("printer-simulators/target");
        farm = network.start(List.of(Farm.java(), "-Xmx256m", "-cp", Farm.jar(simulators, "printer-simulators") + ":"
                + simulators.resolve("lib") + "/*", "app.nozzly.sim.PrinterFarmMain", "--dir",
                WORK.resolve("farm").toString(), "--no-jobs", "--authorization-locked", "--time-scale", "120",
                "--port-offset", "3000"),
                WORK.resolve("farm.log"));
        Path described = WORK.resolve("farm/printers.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(described));
        printers = JSON.readTree(described.toFile());
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (live != null) {
            live.socket().abort();
        }
        Farm.stop(agent);
        Farm.stop(farm);
        if (gateway != null) {
            gateway.close();
        }
        if (printerService != null) {
            printerService.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    @Order(1)
    void theFarmsPrintersComeOnlineThroughItsAgentAlone() throws Exception {
        for (JsonNode printer : printers) {
            if (printer.path("kind").asText().equals("bambu")) {
                assertThat(reachable(printer.path("host").asText(), printer.path("mqtt_port").asInt()))
                        .as("the printers' network is not reachable from the platform's").isFalse();
            }
        }
        String code = given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(Map.of("name", "farm back office")).post(gatewayUrl + "/api/v1/agents/enrollment-codes")
                .then().statusCode(201).extract().path("code");
        Files.writeString(WORK.resolve("edge.properties"), "server.url=" + gatewayUrl + "\nenrollment.code=" + code
                + "\nstate.dir=" + WORK.resolve("edge-state") + "\nreconnect.max-backoff=2s\n");
        agent = startAgent();
        agentId = await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", AUTH)
                .get(gatewayUrl + "/api/v1/agents").then().statusCode(200).extract()
                .<String>path("agents.find { it.status == 'online' }.id"), Objects::nonNull);

        live = WebSocketFeed.open(URI.create(gatewayUrl.replace("http", "ws") + "/ws"), Map.of("Authorization", AUTH));
        for (JsonNode printer : printers) {
            given().header("Authorization", AUTH).contentType(ContentType.JSON)
                    .body(Farm.registration(printer, agentId)).post(gatewayUrl + "/api/v1/printers").then()
                    .statusCode(201);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (JsonNode printer : printers) {
                given().header("Authorization", AUTH).get(gatewayUrl + "/api/v1/printers/" + Farm.id(printer))
                        .then()
                        .statusCode(200).body("status", equalTo("idle")).body("agent_id", equalTo(agentId))
                        .body("temperatures.nozzle", notNullValue());
            }
        });
        given().header("Authorization", AUTH).get(gatewayUrl + "/api/v1/agents/" + agentId).then()
                .body("status", equalTo("online")).body("printers.size()", equalTo(printers.size()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(live.messages()).anySatisfy(m -> {
            JsonNode message = JSON.readTree(m);
            assertThat(message.path("type").asText()).isEqualTo("printer_status");
            assertThat(message.path("data").path("printer_id").asText()).isEqualTo("a1");
        }));
    }

    @Test
    @Order(2)
    void aQueuedPrintIsPausedResumedAndCancelledAndAFileComesDown() throws Exception {
        given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("printer_id", "a1",
                "job_name", "Bracket through the agent", "file_name", "bracket.3mf", "external_ref", "plate:edge-1"))
                .post(gatewayUrl + "/api/bambu/scheduled-prints").then().statusCode(201);
        long jobId = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", AUTH)
                .queryParam("printer_id", "a1").queryParam("status", "printing").get(gatewayUrl + "/api/v1/jobs")
                .then().statusCode(200).extract().<Integer>path("jobs[0].id"), Objects::nonNull);

        given().header("Authorization", AUTH).post(gatewayUrl + "/api/v1/jobs/" + jobId + "/pause").then()
                .statusCode(200);
        awaitPrinter("a1", "paused");
        given().header("Authorization", AUTH).post(gatewayUrl + "/api/v1/jobs/" + jobId + "/resume").then()
                .statusCode(200);
        awaitPrinter("a1", "printing");
        given().header("Authorization", AUTH).post(gatewayUrl + "/api/v1/jobs/" + jobId + "/cancel").then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", AUTH)
                .get(gatewayUrl + "/api/v1/jobs/" + jobId).then().body("status", equalTo("cancelled")));
        assertThat(jobEvents("a1", "plate:edge-1", 2).stream().filter(type -> !type.equals("printer.job.progress")))
                .containsExactly("printer.job.started", "printer.job.failed");

        String fileId = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", AUTH)
                .queryParam("printer_id", "a1").queryParam("search", "cable_clip").get(gatewayUrl + "/api/v1/files")
                .then().statusCode(200).extract().<String>path("files[0].id"), Objects::nonNull);
        given().header("Authorization", AUTH).post(gatewayUrl + "/api/v1/files/" + fileId + "/download").then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", AUTH)
                .get(gatewayUrl + "/api/v1/files/" + fileId).then().body("status", equalTo("downloaded")));
        JsonNode file = JSON.readTree(given().header("Authorization", AUTH).get(gatewayUrl + "/api/v1/files/" + fileId)
                .then().extract().asString());
        byte[] content = Files.readAllBytes(Path.of(file.path("local_path").asText()));
        assertThat(content).hasSize(file.path("file_size").asInt());
        assertThat(new String(content, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    @Test
    @Order(3)
    void theAgentKilledMidPrintLosesNothingAndCountsNothingTwice() throws Exception {
        given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("printer_id", "x1c",
                "job_name", "Clip through a restart", "file_name", "cable_clip.3mf", "material_type", "PLA",
                "material_slot", 1, "external_ref", "plate:edge-2"))
                .post(gatewayUrl + "/api/bambu/scheduled-prints").then().statusCode(201);
        long jobId = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", AUTH)
                .queryParam("printer_id", "x1c").queryParam("status", "printing").get(gatewayUrl + "/api/v1/jobs")
                .then().extract().<Integer>path("jobs[0].id"), Objects::nonNull);

        agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            awaitPrinter("x1c", "offline");
            given().header("Authorization", AUTH).get(gatewayUrl + "/api/v1/agents/" + agentId).then()
                    .body("status", equalTo("offline"));
        });
        agent = startAgent();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().header("Authorization", AUTH)
                .get(gatewayUrl + "/api/v1/jobs/" + jobId).then().body("status", equalTo("completed")));
        given().header("Authorization", AUTH).queryParam("printer_id", "x1c").get(gatewayUrl + "/api/v1/jobs").then()
                .body("jobs.size()", equalTo(1));
        assertThat(jobEvents("x1c", "plate:edge-2", 10).stream().filter(type -> !type.equals("printer.job.progress")))
                .containsExactly("printer.job.started", "printer.job.finished");
        awaitPrinter("x1c", "idle");
    }

    @Test
    @Order(4)
    void anAuthorizationLockedPrinterIsReadOnlyWithItsReasonWhileItsTelemetryGoesOn() throws Exception {
        String fileId = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", AUTH)
                .queryParam("printer_id", "p1p").queryParam("search", "bracket").get(gatewayUrl + "/api/v1/files")
                .then().statusCode(200).extract().<String>path("files[0].id"), Objects::nonNull);
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(Map.of("printer_id", "p1p", "file_id", fileId)).post(gatewayUrl + "/api/v1/jobs").then()
                .statusCode(409).body("error.code", equalTo("PRINTER_READ_ONLY"))
                .body("error.details.err_code", equalTo("0x05024007"));
        int before = live.messages().size();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("Authorization", AUTH)
                .get(gatewayUrl + "/api/v1/printers/p1p").then().statusCode(200).body("status", equalTo("idle"))
                .body("connection_status", equalTo("connected"))
                .body("capabilities.supports_remote_control", equalTo(false))
                .body("read_only_reason", notNullValue()));
        // the printer keeps reporting: its status reaches /ws again, still read-only, never offline
        // a stream of the feed's list reads a snapshot; a view of the list would fail as messages arrive
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(live.messages().stream().skip(before))
                .anySatisfy(m -> {
                    JsonNode message = JSON.readTree(m);
                    assertThat(message.path("type").asText()).isEqualTo("printer_status");
                    assertThat(message.path("data").path("printer_id").asText()).isEqualTo("p1p");
                    assertThat(message.path("data").path("read_only_reason").isTextual()).isTrue();
                }));
        given().header("Authorization", AUTH).queryParam("printer_id", "p1p").get(gatewayUrl + "/api/v1/jobs").then()
                .body("jobs.size()", equalTo(0));
    }

    @Test
    @Order(5)
    void aRevokedAgentIsCutOffAtOnce() throws Exception {
        given().header("Authorization", AUTH).delete(gatewayUrl + "/api/v1/agents/" + agentId).then().statusCode(200)
                .body("status", equalTo("revoked"));
        assertThat(agent.waitFor(10, TimeUnit.SECONDS)).as("the agent stops once revoked").isTrue();
        assertThat(agent.exitValue()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> awaitPrinter("a1", "offline"));
        // started again, it is refused as well: it must be enrolled anew
        Process again = startAgent();
        assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isEqualTo(3);
    }

    private static void awaitPrinter(String printerId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", AUTH)
                .get(gatewayUrl + "/api/v1/printers/" + printerId).then().statusCode(200)
                .body("status", equalTo(status)));
    }

    /** The types of the printer's job events for one plate, in the order Kafka holds them. */
    private static List<String> jobEvents(String printerId, String plate, int expected) {
        List<ConsumerRecord<String, String>> records = KafkaTopics.await("printer.jobs",
                r -> printerId.equals(r.key()) && r.value().contains(plate), expected, Duration.ofSeconds(20));
        return records.stream().map(r -> {
            try {
                return JSON.readTree(r.value()).path("type").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Process startAgent() throws IOException {
        return network.start(List.of(Farm.java(), "-Xmx128m", "-jar",
                ROOT.resolve("printer-edge/target/printer-edge.jar").toString(), "--config",
                WORK.resolve("edge.properties").toString()), WORK.resolve("agent.log"));
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        }
    }
}
