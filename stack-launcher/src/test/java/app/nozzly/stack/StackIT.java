package app.nozzly.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local stack as a newcomer and an outside client meet it: {@code ./stack up}'s supervisor on ports of its
 * own, every request through the gateway. It proves the gateway holds against refused, abandoned and open
 * WebSockets of the real services, never lets a path reach their operations endpoints, keeps rate limits on
 * the real client, answers browsers, and that a second start after a stop leaves the demo printers online.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Ports PORTS = new Ports(20_000);
    private static final Map<String, String> SOCKETS = Map.of(
            "production-service", "/api/v1/production/ws",
            "printer-service", "/ws");

    private static Path home;
    private static Stack stack;
    private static Keys keys;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void up() throws Exception {
        home = Files.createTempDirectory("nozzly-stack-it");
        stack = new Stack(home, repositoryRoot(), PORTS);
        stack.up();
        keys = new Keys(home);
    }

    @AfterAll
    static void down() throws IOException {
        if (stack != null) {
            stack.down();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void theDemoShopsPrintersComeOnline() throws Exception {
        awaitPrintersOnline();
    }

    @Test
    @Order(1)
    void theDemoTenantHoldsSpoolsAFinishedRunAProcessBatchAndAFacilityWorld() throws Exception {
        assertDemoData();
    }

    @Test
    @Order(1)
    void theDatabaseKeepsWhatTheApiAcknowledgedThroughACrashOfTheMachine() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + PORTS.postgres()
                + "/postgres", "postgres", "postgres"); Statement statement = db.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet value = statement.executeQuery("show " + setting)) {
                    value.next();
                    assertThat(value.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    /** A cache the JVM cannot use (another build's, other options) is reported as an [aot] error on its start. */
    @Test
    @Order(1)
    void onAJdkWithAotCachesEveryServiceStartsFromTheCacheItsTrainingStartRecorded() throws Exception {
        assumeTrue(ServiceRuntime.detect().usesAotCache(), "no JDK " + ServiceRuntime.AOT_CACHE_RELEASE + "+ here");
        for (JsonNode service : JSON.readTree(home.resolve("state.json").toFile()).get("services")) {
            String name = service.get("name").asText();
            List<String> caches = new ArrayList<>();
            service.get("command").forEach(part -> {
                if (part.asText().startsWith(ServiceRuntime.AOT_CACHE_OPTION)) {
                    caches.add(part.asText().substring(ServiceRuntime.AOT_CACHE_OPTION.length()));
                }
            });
            assertThat(caches).as(name + "'s AOT cache").hasSize(1);
            assertThat(Path.of(service.get("directory").asText()).resolve(caches.get(0))).as(name).isNotEmptyFile();
            assertThat(Files.readString(home.resolve("logs").resolve(name + ".log"))).as(name + "'s log")
                    .contains("Quarkus").doesNotContain("][aot]");
        }
    }

    @Test
    @Order(2)
    void refusedAndAbandonedWebSocketUpgradesLeaveEveryServiceAnswering() throws Exception {
        String token = token("ws-storm");
        Service.all().forEach(service -> get(service.listPath(), token));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            for (String socketPath : SOCKETS.values()) {
                List<CompletableFuture<Integer>> refused = IntStream.range(0, 1000).mapToObj(i -> CompletableFuture
                        .supplyAsync(() -> upgradeStatus("127.0.0.1", socketPath, null), clients)).toList();
                assertThat(refused.stream().map(CompletableFuture::join)).as(socketPath).containsOnly(401);
                CompletableFuture.allOf(IntStream.range(0, 100).mapToObj(i -> CompletableFuture.runAsync(
                        () -> abandonUpgrade(socketPath, i % 2 == 0 ? null : token), clients))
                        .toArray(CompletableFuture[]::new)).join();
            }
        } finally {
            clients.shutdownNow();
        }
        assertEveryServiceAnswersWithinASecond(token);
    }

    @Test
    @Order(3)
    void twoHundredOpenSocketsLeaveEveryServiceAnswering() throws Exception {
        String token = token("ws-open");
        List<Socket> open = new ArrayList<>();
        try {
            // printer-service allows 10 sockets per client (specs/003): 20 client addresses of the loopback network
            for (int client = 0; client < 20; client++) {
                for (int i = 0; i < 10; i++) {
                    String path = i % 2 == 0 ? SOCKETS.get("printer-service") : SOCKETS.get("production-service");
                    open.add(openSocket("127.0.0." + (client + 10), path, token));
                }
            }
            assertThat(open).hasSize(200);
            assertEveryServiceAnswersWithinASecond(token);
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    @Test
    @Order(4)
    void noPathReachesAServicesOperationsEndpointsThroughTheGateway() {
        for (String path : List.of("/api/facility/../../q/metrics", "/api/facility/%2e%2e/%2e%2e/q/metrics",
                "/api/v1/spools/..%2F..%2F..%2Fq/metrics", "/api/v1/printers/..;/..;/..;/q/metrics",
                "/ws/../q/metrics", "/services/inventory-service/q/metrics", "//q/metrics")) {
            Raw answer = raw("127.0.0.1", "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as(path).isIn(400, 404);
            assertThat(answer.text()).as(path).doesNotContain("jvm_").doesNotContain("http_server_requests");
        }
        assertThat(raw("127.0.0.1", "GET /services/inventory-service/q/health/ready HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n").status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void aSpoofedForwardedForDoesNotResetTheRateLimitOfAnyServiceThatLimits() throws Exception {
        String token = token("spoofer");
        // printer-service: specs/003 status reads, 120 a minute per client
        assertLimitHolds("/api/v1/printers", "GET", token, 121);
        // facility-sim-service: specs/004 list reads, 30 a minute per user
        assertLimitHolds("/api/facility/raw-materials", "GET", keys.token("spoofer", List.of("teacher"), 3600, null),
                31);
        // order-sync-service: specs/002 Etsy syncs, 5 a minute per shop
        assertLimitHolds("/api/orders/sync", "POST", Files.readString(home.resolve("demo-token")).trim(), 6);
    }

    @Test
    @Order(6)
    void aBrowserAppOnAConfiguredOriginCanCallTheApi() throws Exception {
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(gateway("/api/v1/spools"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");

        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(gateway("/api/v1/spools"))
                .header("Origin", "http://localhost:5173").header("Authorization", "Bearer " + token("browser"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(read.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(read.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    @Order(10)
    void aSecondStartAfterAStopLeavesTheDemoPrintersOnline() throws Exception {
        stack.down();
        stack = new Stack(home, repositoryRoot(), PORTS);
        stack.up();
        awaitPrintersOnline();
        assertDemoData();
    }

    /** Read as the demo shop's owner, and a teacher of its facility world; a second start adds nothing twice. */
    private static void assertDemoData() throws IOException {
        String tenant = Demo.tenant(home).orElseThrow();
        String owner = uncheck(() -> keys.token(tenant, List.of("owner"), 600, null));
        assertThat(JSON.readTree(get("/api/v1/spools", owner).body()).path("total").asInt()).isEqualTo(3);
        JsonNode runs = JSON.readTree(get("/api/v1/production-runs", owner).body());
        assertThat(runs.path("total").asInt()).isEqualTo(1);
        JsonNode run = JSON.readTree(get("/api/v1/production-runs/" + runs.path("runs").path(0).path("id").asText(),
                owner).body());
        assertThat(run.path("status").asText()).isEqualTo("completed");
        assertThat(run.path("material_cost").asDouble()).as("material cost of %s", run).isPositive();
        JsonNode batches = JSON.readTree(get("/api/v1/production/batches", owner).body()).path("items");
        assertThat(batches).hasSize(1);
        assertThat(batches.path(0).path("status").asText()).isEqualTo("completed");
        String teacher = uncheck(() -> keys.token(tenant, List.of("teacher"), 600, null));
        assertThat(JSON.readTree(get("/api/facility/admin/teams", teacher).body()).path("data").path("teams"))
                .hasSize(2);
        assertThat(JSON.readTree(get("/api/facility/admin/facilities", teacher).body()).path("data")
                .path("facilities")).hasSize(3);
    }

    private static void awaitPrintersOnline() throws Exception {
        String shop = Files.readString(home.resolve("demo-token")).trim();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode printers = null;
        while (System.nanoTime() < deadline) {
            printers = JSON.readTree(get("/api/v1/printers", shop).body()).path("printers");
            if (printers.size() == 3 && allConnected(printers, shop)) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("demo printers not all online: " + printers);
    }

    private static boolean allConnected(JsonNode printers, String token) throws IOException {
        for (JsonNode printer : printers) {
            JsonNode detail = JSON.readTree(get("/api/v1/printers/" + printer.path("id").asText(), token).body());
            if (!"connected".equals(detail.path("connection_status").asText())) {
                return false;
            }
        }
        return true;
    }

    private void assertLimitHolds(String path, String method, String token, int limit) throws Exception {
        int refusedAt = -1;
        for (int i = 1; i <= limit + 5 && refusedAt < 0; i++) {
            if (call(path, method, token, null).statusCode() == 429) {
                refusedAt = i;
            }
        }
        assertThat(refusedAt).as(path + " refused after its limit").isBetween(2, limit);
        for (String spoofed : List.of("203.0.113.1", "203.0.113.2, 198.51.100.7", "unknown")) {
            assertThat(call(path, method, token, spoofed).statusCode()).as(path + " with X-Forwarded-For " + spoofed)
                    .isEqualTo(429);
        }
    }

    private static void assertEveryServiceAnswersWithinASecond(String token) {
        for (Service service : Service.all()) {
            long started = System.nanoTime();
            HttpResponse<String> answer = get(service.listPath(), token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String request = service.name() + " " + service.listPath();
            assertThat(answer.statusCode()).as(request + ": " + answer.body()).isEqualTo(200);
            assertThat(took).as(request).isLessThan(Duration.ofSeconds(1));
        }
    }

    private static HttpResponse<String> call(String path, String method, String token, String forwardedFor)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor).header("X-Real-IP", forwardedFor)
                    .header("Forwarded", "for=" + forwardedFor);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) {
        return uncheck(() -> call(path, "GET", token, null));
    }

    private static String token(String tenant) {
        return uncheck(() -> keys.token(tenant, List.of("owner", "admin"), 3600, null));
    }

    private static int upgradeStatus(String localAddress, String path, String token) {
        return raw(localAddress, upgrade(path, token)).status();
    }

    private static void abandonUpgrade(String path, String token) {
        uncheck(() -> {
            try (Socket socket = socket("127.0.0.1")) {
                socket.getOutputStream().write(upgrade(path, token).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            return null;
        });
    }

    /** An accepted WebSocket left open: the socket is returned after the 101, and nothing more is sent. */
    private static Socket openSocket(String localAddress, String path, String token) throws IOException {
        Socket socket = socket(localAddress);
        socket.getOutputStream().write(upgrade(path, token).getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String status = statusLine(socket.getInputStream());
        assertThat(status).as(localAddress + " " + path).contains(" 101 ");
        return socket;
    }

    private static String upgrade(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    private record Raw(int status, String text) {
    }

    private static Raw raw(String localAddress, String request) {
        return uncheck(() -> {
            try (Socket socket = socket(localAddress)) {
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = statusLine(socket.getInputStream());
                byte[] rest = socket.getInputStream().readNBytes(64 * 1024);
                return new Raw(Integer.parseInt(status.split(" ")[1]), status + new String(rest,
                        StandardCharsets.UTF_8));
            }
        });
    }

    private static Socket socket(String localAddress) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(10_000);
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", PORTS.gateway()), 5_000);
        return socket;
    }

    /** Reads the status line and the headers of an answer; returns the status line. */
    private static String statusLine(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString().split("\r\n", 2)[0];
    }

    private static URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + PORTS.gateway() + path);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the repository");
        }
        return dir;
    }

    private static <T> T uncheck(Checked<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Checked<T> {
        T get() throws Exception;
    }
}
