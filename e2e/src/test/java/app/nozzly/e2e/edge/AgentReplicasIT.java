package app.nozzly.e2e.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.ServiceProcess;
import app.nozzly.testing.ServiceStack;
import app.nozzly.testing.TestTokens;
import app.nozzly.testing.WebSocketFeed;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Two replicas of printer-service on one database and one Kafka, a farm's edge agent connected to one of them:
 * whichever replica a client talks to, it sees the agent's printers live (REST and /ws) and runs them (a queued
 * print paused, resumed and cancelled, a file brought down), and a job is counted once. The agent killed, both
 * replicas show the farm offline; started again against the other replica, the farm is live on both and the
 * first replica, no longer holding the agent, still runs its printers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentReplicasIT {

    private static final String TENANT = "replicas-farm";
    private static final String AUTH = TestTokens.bearer(TENANT, "admin");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path WORK = Path.of("target/agent-replicas").toAbsolutePath();
    /** What a printer that reports may be doing: anything but offline. */
    private static final Set<String> REPORTING = Set.of("idle", "printing", "paused", "error");

    private static Replica a;
    private static Replica b;
    private static Process farm;
    private static Process agent;
    private static JsonNode printers;
    private static String agentId;
    private static WebSocketFeed liveOnB;

    /** One printer-service process, named as the tests speak of it. */
    private record Replica(String name, ServiceProcess service) {

        String url() {
            return service.url();
        }
    }

    @BeforeAll
    static void twoReplicasAndAFarm() throws Exception {
        Farm.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        Path simulators = ROOT.resolve("printer-simulators/target");
        farm = start(List.of(Farm.java(), "-Xmx256m", "-cp", Farm.jar(simulators, "printer-simulators") + ":"
                + simulators.resolve("lib") + "/*", "app.nozzly.sim.PrinterFarmMain", "--dir",
                WORK.resolve("farm").toString(), "--no-jobs", "--time-scale", "30", "--port-offset", "4000"),
                WORK.resolve("farm.log"));

        ServiceStack stack = new ServiceStack("agent-replicas-it", 2, Map.of());
        Map<String, String> config = stack.printerSettings();
        config.put("printer.connection.offline-after", "6s");
        config.put("printer.queue.dispatch-interval", "1s");
        config.put("printer.files.storage-dir", WORK.resolve("printer-files").toString());
        a = new Replica("A", stack.start("printer-service", config));
        b = new Replica("B", stack.start("printer-service", config));

        Path described = WORK.resolve("farm/printers.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(described));
        printers = JSON.readTree(described.toFile());
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (liveOnB != null) {
            liveOnB.socket().abort();
        }
        Farm.stop(agent);
        Farm.stop(farm);
        for (Replica replica : new Replica[] {a, b}) {
            if (replica != null) {
                replica.service().close();
            }
        }
    }

    @Test
    @Order(1)
    void theAgentEnrolledThroughOneReplicaRunsTheFarmOnTheReplicaItConnectsTo() throws Exception {
        String code = given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(Map.of("name", "farm behind two replicas")).post(b.url() + "/api/v1/agents/enrollment-codes")
                .then().statusCode(201).extract().path("code");
        writeAgentSettings(a, "enrollment.code=" + code + "\n");
        agent = startAgent();
        agentId = await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", AUTH)
                .get(a.url() + "/api/v1/agents").then().statusCode(200).extract()
                .<String>path("agents.find { it.status == 'online' }.id"), Objects::nonNull);

        for (JsonNode printer : printers) {
            given().header("Authorization", AUTH).contentType(ContentType.JSON)
                    .body(Farm.registration(printer, agentId)).post(b.url() + "/api/v1/printers").then()
                    .statusCode(201);
        }
        await("the farm's printers live on replica A").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertFarmLive(a, Set.of("idle")));
    }

    @Test
    @Order(2)
    void theOtherReplicaShowsThePrintersLiveAsWell() {
        await("the farm's printers live on replica B").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertFarmLive(b, Set.of("idle")));
    }

    @Test
    @Order(3)
    void theOtherReplicaShowsTheAgentOnlineWithItsPrinters() {
        JsonNode view = get(b, "/api/v1/agents/" + agentId);
        assertThat(view.path("status").asText()).as("the agent's status on replica B").isEqualTo("online");
        assertThat(view.path("printers")).as("the agent's printers on replica B").hasSize(printers.size());
    }

    @Test
    @Order(4)
    void aLiveFeedOnTheOtherReplicaKeepsStreamingThePrintersStatus() throws Exception {
        liveOnB = WebSocketFeed.open(URI.create(b.url().replace("http", "ws") + "/ws"),
                Map.of("Authorization", AUTH));
        await("printer_status of every printer on replica B's /ws").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    for (JsonNode printer : printers) {
                        assertThat(statusMessages(liveOnB, Farm.id(printer))).as("printer_status messages of %s",
                                Farm.id(printer)).isPositive();
                    }
                });
        long earlier = statusMessages(liveOnB, "a1");
        await("more printer_status of a1 on replica B's /ws").pollDelay(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10)).until(() -> statusMessages(liveOnB, "a1") >= earlier + 3);
    }

    @Test
    @Order(5)
    void aPrintQueuedThroughTheOtherReplicaIsPausedResumedAndCancelledThere() {
        given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("printer_id", "a1",
                "job_name", "Bracket through replica B", "file_name", "bracket.3mf", "external_ref",
                "plate:replicas-1")).post(b.url() + "/api/bambu/scheduled-prints").then().statusCode(201);
        long jobId = awaitPrinting(b, "a1");

        command(b, jobId, "pause");
        awaitPrinter(b, "a1", "paused");
        command(b, jobId, "resume");
        awaitPrinter(b, "a1", "printing");
        command(b, jobId, "cancel");
        await("job " + jobId + " cancelled on replica B").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get(b, "/api/v1/jobs/" + jobId).path("status").asText()).isEqualTo("cancelled"));
    }

    @Test
    @Order(6)
    void aFileRequestedThroughTheOtherReplicaComesDown() throws Exception {
        String fileId = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", AUTH)
                .queryParam("printer_id", "a1").queryParam("search", "cable_clip").get(b.url() + "/api/v1/files")
                .then().statusCode(200).extract().<String>path("files[0].id"), Objects::nonNull);
        Response requested = given().header("Authorization", AUTH).post(b.url() + "/api/v1/files/" + fileId
                + "/download");
        assertThat(requested.statusCode()).as("download of %s through replica B answered %s", fileId,
                requested.asString()).isEqualTo(202);
        await("file " + fileId + " downloaded, as replica B sees it").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get(b, "/api/v1/files/" + fileId).path("status").asText())
                        .as("the download as replica B reports it: %s", get(b, "/api/v1/files/" + fileId
                                + "/download/status")).isEqualTo("downloaded"));
        JsonNode file = get(b, "/api/v1/files/" + fileId);
        byte[] content = Files.readAllBytes(Path.of(file.path("local_path").asText()));
        assertThat(content).hasSize(file.path("file_size").asInt());
        assertThat(new String(content, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    @Test
    @Order(7)
    void theCancelledPrintIsCountedOnceThoughBothReplicasSeeIt() {
        List<String> events = KafkaTopics.all("printer.jobs",
                r -> "a1".equals(r.key()) && r.value().contains("plate:replicas-1"), Duration.ofSeconds(5))
                .stream().map(r -> json(r.value()).path("type").asText())
                .filter(type -> !type.equals("printer.job.progress")).toList();
        assertThat(events).as("printer.jobs of plate:replicas-1, progress left out")
                .containsExactly("printer.job.started", "printer.job.failed");
    }

    @Test
    @Order(8)
    void theAgentKilledTheFarmIsOfflineOnBothReplicas() throws Exception {
        agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (Replica replica : List.of(a, b)) {
            await("the farm and its agent offline on replica " + replica.name()).atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> {
                        for (JsonNode printer : printers) {
                            assertThat(get(replica, "/api/v1/printers/" + Farm.id(printer)).path("status").asText())
                                    .as("status of %s", Farm.id(printer)).isEqualTo("offline");
                        }
                        assertThat(get(replica, "/api/v1/agents/" + agentId).path("status").asText())
                                .as("the agent's status").isEqualTo("offline");
                    });
        }
    }

    @Test
    @Order(9)
    void theAgentRestartedAgainstTheOtherReplicaBringsTheFarmBackOnBoth() throws Exception {
        writeAgentSettings(b, "");
        agent = startAgent();
        for (Replica replica : List.of(b, a)) {
            await("the farm and its agent back on replica " + replica.name()).atMost(Duration.ofSeconds(45))
                    .untilAsserted(() -> {
                        assertThat(get(replica, "/api/v1/agents/" + agentId).path("status").asText())
                                .as("the agent's status").isEqualTo("online");
                        assertFarmLive(replica, REPORTING);
                    });
        }
    }

    @Test
    @Order(10)
    void theReplicaTheAgentLeftStillPausesAndResumesItsPrints() {
        given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("printer_id", "x1c",
                "job_name", "Clip through replica A", "file_name", "cable_clip.3mf", "material_type", "PLA",
                "material_slot", 1, "external_ref", "plate:replicas-2"))
                .post(a.url() + "/api/bambu/scheduled-prints").then().statusCode(201);
        long jobId = awaitPrinting(a, "x1c");

        command(a, jobId, "pause");
        awaitPrinter(a, "x1c", "paused");
        command(a, jobId, "resume");
        awaitPrinter(a, "x1c", "printing");
        command(a, jobId, "cancel");
        await("job " + jobId + " cancelled on replica A").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get(a, "/api/v1/jobs/" + jobId).path("status").asText()).isEqualTo("cancelled"));
    }

    /** Every printer of the farm in one of these statuses on the replica, with live temperatures, connected. */
    private static void assertFarmLive(Replica replica, Set<String> statuses) {
        for (JsonNode printer : printers) {
            String printerId = Farm.id(printer);
            JsonNode view = get(replica, "/api/v1/printers/" + printerId);
            assertThat(view.path("agent_id").asText()).as("agent of %s on replica %s", printerId, replica.name())
                    .isEqualTo(agentId);
            assertThat(view.path("status").asText()).as("status of %s on replica %s", printerId, replica.name())
                    .isIn(statuses);
            assertThat(view.path("temperatures").path("nozzle").isNumber())
                    .as("nozzle temperature of %s on replica %s, in %s", printerId, replica.name(), view).isTrue();
            assertThat(view.path("connection_status").asText())
                    .as("connection_status of %s on replica %s", printerId, replica.name()).isEqualTo("connected");
        }
    }

    private static void awaitPrinter(Replica replica, String printerId, String status) {
        await(printerId + " " + status + " on replica " + replica.name()).atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(get(replica, "/api/v1/printers/" + printerId).path("status")
                        .asText()).isEqualTo(status));
    }

    /** The id of the job the printer is printing, as the replica lists it, once the queue has dispatched it. */
    private static long awaitPrinting(Replica replica, String printerId) {
        return await("a job printing on " + printerId + ", listed by replica " + replica.name())
                .atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", AUTH)
                        .queryParam("printer_id", printerId).queryParam("status", "printing")
                        .get(replica.url() + "/api/v1/jobs").then().statusCode(200).extract()
                        .<Integer>path("jobs[0].id"), Objects::nonNull);
    }

    private static void command(Replica replica, long jobId, String action) {
        Response response = given().header("Authorization", AUTH)
                .post(replica.url() + "/api/v1/jobs/" + jobId + "/" + action);
        assertThat(response.statusCode()).as("%s of job %d through replica %s answered %s", action, jobId,
                replica.name(), response.asString()).isEqualTo(200);
    }

    private static JsonNode get(Replica replica, String path) {
        return json(given().header("Authorization", AUTH).get(replica.url() + path).then().statusCode(200)
                .extract().asString());
    }

    private static long statusMessages(WebSocketFeed feed, String printerId) {
        return feed.messages().stream().map(AgentReplicasIT::json)
                .filter(m -> m.path("type").asText().equals("printer_status")
                        && m.path("data").path("printer_id").asText().equals(printerId))
                .count();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agent's settings, connecting it to the replica; its credential stays in its state directory. */
    private static void writeAgentSettings(Replica replica, String extra) throws IOException {
        Files.writeString(WORK.resolve("edge.properties"), "server.url=" + replica.url() + "\nstate.dir="
                + WORK.resolve("edge-state") + "\nreconnect.max-backoff=2s\n" + extra);
    }

    private static Process startAgent() throws IOException {
        return start(List.of(Farm.java(), "-Xmx128m", "-jar", ROOT.resolve("printer-edge/target/printer-edge.jar")
                .toString(), "--config", WORK.resolve("edge.properties").toString()), WORK.resolve("agent.log"));
    }

    private static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
