package app.nozzly.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.json.JsonObject;

class GatewayTest {

    private static final String BROWSER_APP = "https://app.example.com";

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void routesByPrefixToTheServiceWithPathAndQueryIntact() throws Exception {
        Gateway gateway = gateway(toService(service(), "/api/v1/things", ErrorFamily.PROBLEM));

        HttpResponse<String> answer = get(gateway, "/api/v1/things/7?size=2&q=a%20b");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject seen = new JsonObject(answer.body());
        assertThat(seen.getString("path")).isEqualTo("/api/v1/things/7");
        assertThat(seen.getString("query")).isEqualTo("size=2&q=a%20b");
        assertThat(get(gateway, "/api/v1/thingsX").statusCode()).isEqualTo(404);
    }

    @Test
    void theGatewaySaysWhoTheClientIsAndWhatTheRequestIdIsWhateverTheClientClaims() throws Exception {
        Gateway gateway = gateway(toService(service(), "/api/v1/things", ErrorFamily.PROBLEM));

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(gateway, "/api/v1/things"))
                .header("X-Forwarded-For", "203.0.113.1")
                .header("X-Forwarded-Proto", "https")
                .header("X-Request-Id", "chosen-by-client")
                .header("Forwarded", "for=203.0.113.1")
                .header("Authorization", "Bearer t").build(), HttpResponse.BodyHandlers.ofString());

        JsonObject seen = new JsonObject(answer.body());
        assertThat(seen.getString("x_forwarded_for")).isEqualTo("127.0.0.1");
        assertThat(seen.getString("x_forwarded_proto")).isEqualTo("http");
        assertThat(seen.getString("x_forwarded_host")).isEqualTo("127.0.0.1:" + gateway.port());
        assertThat(seen.getString("forwarded")).isNull();
        assertThat(seen.getString("authorization")).isEqualTo("Bearer t");
        assertThat(seen.getString("x_request_id")).isNotEqualTo("chosen-by-client").matches("[0-9a-f]{16}")
                .isEqualTo(answer.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void everyAnswerIsInTheAccessLogWithItsRequestIdAndNeverItsQuery(@TempDir Path logs) throws Exception {
        TestService service = service();
        Path file = logs.resolve("access.log");
        Gateway gateway = gateway(toService(service, "/api/v1/things", ErrorFamily.PROBLEM).accessLog(file));

        HttpResponse<String> answer = get(gateway, "/api/v1/things/1?token=secret-value");
        String id = answer.headers().firstValue("X-Request-Id").orElseThrow();
        get(gateway, "/nowhere");

        awaitTrue(() -> read(file).contains("/nowhere 404"), Duration.ofSeconds(5));
        String log = read(file);
        assertThat(log).contains(id + " 127.0.0.1 GET /api/v1/things/1 200 127.0.0.1:" + service.port())
                .doesNotContain("secret-value");
    }

    @Test
    void dotSegmentsAndEncodedTraversalsNeverReachAServicesOperationsEndpoints() {
        Gateway gateway = gateway(toService(service(), "/api/facility/", ErrorFamily.SPEC_004));

        for (String traversal : List.of("/api/facility/../../q/metrics", "/api/facility/%2e%2e/%2E%2E/q/metrics",
                "/api/facility/.%2e/.%2e/q/metrics", "/api/facility/x/../../../q/metrics", "/q/metrics",
                "/services/svc/q/metrics", "/services/svc/q/health/../metrics")) {
            RawHttp.Answer answer = RawHttp.send(gateway.port(), RawHttp.get(traversal));
            assertThat(answer.status()).as(traversal).isEqualTo(404);
            assertThat(answer.body()).as(traversal).doesNotContain("\"path\"");
        }
        for (String refused : List.of("/api/facility/..%2F..%2Fq/metrics", "/api/facility/..%5C..%5Cq/metrics",
                "/api/facility/..;/..;/q/metrics", "/api/facility/%00", "/api/facility/../../../../q/metrics",
                "/api/facility/%zz")) {
            assertThat(RawHttp.send(gateway.port(), RawHttp.get(refused)).status()).as(refused).isEqualTo(400);
        }
        RawHttp.Answer normalised = RawHttp.send(gateway.port(), RawHttp.get("//api//facility/./teams/../%74eams"));
        assertThat(normalised.status()).isEqualTo(200);
        assertThat(new JsonObject(normalised.body()).getString("path")).isEqualTo("/api/facility/teams");
        assertThat(RawHttp.send(gateway.port(), RawHttp.get("/services/svc/q/health/ready")).status()).isEqualTo(200);
    }

    @Test
    void answersTheGatewayGivesItselfSpeakTheRoutesErrorFamily() throws Exception {
        Gateway gateway = gateway(GatewayConfig.builder()
                .upstream("dead", new GatewayConfig.Endpoint("127.0.0.1", TestService.freePort()))
                .route("/api/facility/", "dead", ErrorFamily.SPEC_004, CorsPolicy.none())
                .route("/api/v1/printers", "dead", ErrorFamily.SPEC_003, CorsPolicy.none())
                .route("/api/orders", "dead", ErrorFamily.SPEC_002, CorsPolicy.none()));

        JsonObject facility = new JsonObject(get(gateway, "/api/facility/teams").body());
        assertThat(facility.getBoolean("success")).isFalse();
        assertThat(facility.getInteger("businessCode")).isEqualTo(5030);
        JsonObject printers = new JsonObject(get(gateway, "/api/v1/printers").body());
        assertThat(printers.getJsonObject("error").getString("code")).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(printers.getJsonObject("error").getString("request_id")).matches("[0-9a-f]{16}");
        JsonObject orders = new JsonObject(get(gateway, "/api/orders").body());
        assertThat(orders.getInteger("status")).isEqualTo(503);
        HttpResponse<String> unknown = get(gateway, "/nowhere");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(new JsonObject(unknown.body()).getInteger("status")).isEqualTo(404);
    }

    @Test
    void browsersOnAConfiguredOriginMayCallTheApiAndOthersMayNot() throws Exception {
        TestService service = service();
        Gateway gateway = gateway(GatewayConfig.builder().upstream("svc", endpoint(service))
                .route("/api/v1/things", "svc", ErrorFamily.PROBLEM, CorsPolicy.allowing(Set.of(BROWSER_APP)))
                .route("/api/v1/private", "svc", ErrorFamily.PROBLEM, CorsPolicy.none()));

        RawHttp.Answer preflight = RawHttp.send(gateway.port(), "OPTIONS /api/v1/things/1 HTTP/1.1\r\nHost: x\r\n"
                + "Origin: " + BROWSER_APP + "\r\nAccess-Control-Request-Method: PATCH\r\n"
                + "Access-Control-Request-Headers: authorization, content-type\r\nConnection: close\r\n");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("access-control-allow-origin")).isEqualTo(BROWSER_APP);
        assertThat(preflight.header("access-control-allow-methods")).contains("PATCH");
        assertThat(preflight.header("access-control-allow-headers")).contains("authorization");
        assertThat(preflight.header("access-control-allow-credentials")).isNull();

        RawHttp.Answer otherOrigin = RawHttp.send(gateway.port(), "OPTIONS /api/v1/things/1 HTTP/1.1\r\nHost: x\r\n"
                + "Origin: https://evil.example\r\nAccess-Control-Request-Method: DELETE\r\nConnection: close\r\n");
        assertThat(otherOrigin.status()).isEqualTo(403);
        assertThat(otherOrigin.header("access-control-allow-origin")).isNull();
        RawHttp.Answer otherRoute = RawHttp.send(gateway.port(), "OPTIONS /api/v1/private HTTP/1.1\r\nHost: x\r\n"
                + "Origin: " + BROWSER_APP + "\r\nAccess-Control-Request-Method: GET\r\nConnection: close\r\n");
        assertThat(otherRoute.status()).isEqualTo(403);

        HttpResponse<String> actual = http.send(HttpRequest.newBuilder(uri(gateway, "/api/v1/things"))
                .header("Origin", BROWSER_APP).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue(BROWSER_APP);
        assertThat(actual.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("X-Request-Id", "X-RateLimit-Remaining", "Retry-After");
        assertThat(actual.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersTheGatewaysOwnIncluded() throws Exception {
        Gateway gateway = gateway(toService(service(), "/api/v1/things", ErrorFamily.PROBLEM));

        for (String path : List.of("/api/v1/things", "/nowhere")) {
            HttpResponse<String> answer = get(gateway, path);
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
        }
    }

    @Test
    void aStoppedServiceAnswers503AtOnce() throws Exception {
        int port = TestService.freePort();
        Gateway gateway = gateway(GatewayConfig.builder()
                .upstream("svc", new GatewayConfig.Endpoint("127.0.0.1", port))
                .route("/api/v1/things", "svc", ErrorFamily.PROBLEM, CorsPolicy.none()));

        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = get(gateway, "/api/v1/things");
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        }

        // the service comes back on the same port: the gateway finds it without a restart
        opened.add(new TestService(port));
        awaitTrue(() -> get(gateway, "/api/v1/things").statusCode() == 200, Duration.ofSeconds(10));
    }

    @Test
    void aReplicaThatDiesBeforeAnsweringGets503WithRetryAfter() throws Exception {
        Gateway gateway = gateway(toService(service(), "/api/v1/dies", ErrorFamily.SPEC_002));

        HttpResponse<String> answer = get(gateway, "/api/v1/dies");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(new JsonObject(answer.body()).getString("error")).contains("closed the connection");
    }

    @Test
    void aServiceThatNeverAnswersGets504AfterTheConfiguredTimeout() throws Exception {
        Gateway gateway = gateway(toService(service(), "/api/v1/stuck", ErrorFamily.SPEC_003)
                .timeouts(new GatewayConfig.Timeouts(Duration.ofSeconds(1), Duration.ofMillis(1500),
                        Duration.ofSeconds(60))));

        long started = System.nanoTime();
        HttpResponse<String> answer = get(gateway, "/api/v1/stuck");

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(new JsonObject(answer.body()).getJsonObject("error").getString("code")).isEqualTo("GATEWAY_TIMEOUT");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1400)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void refusedAndAbandonedUpgradesGiveBackEveryUpstreamConnection() throws Exception {
        TestService service = service();
        Gateway gateway = gateway(toService(service, "/ws", ErrorFamily.SPEC_003)
                .route("/api/v1/things", "svc", ErrorFamily.PROBLEM, CorsPolicy.none())
                .limits(new GatewayConfig.Limits(5, 64, 512, 64, 64, 1024)));

        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> refused = IntStream.range(0, 1000).mapToObj(i -> CompletableFuture
                    .supplyAsync(() -> RawHttp.send(gateway.port(), RawHttp.upgrade("/ws", null)).status(), clients))
                    .toList();
            assertThat(refused.stream().map(CompletableFuture::join)).containsOnly(401);
            CompletableFuture.allOf(IntStream.range(0, 100).mapToObj(i -> CompletableFuture
                    .runAsync(() -> RawHttp.abandonUpgrade(gateway.port(), "/ws"), clients))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            clients.shutdownNow();
        }

        long started = System.nanoTime();
        assertThat(get(gateway, "/api/v1/things").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        awaitTrue(() -> service.openConnections() <= 5, Duration.ofSeconds(10));
    }

    @Test
    void twoHundredOpenSocketsLeaveRestAnswering() throws Exception {
        TestService service = service();
        Gateway gateway = gateway(toService(service, "/ws", ErrorFamily.SPEC_003)
                .route("/api/v1/things", "svc", ErrorFamily.PROBLEM, CorsPolicy.none()));

        Set<String> received = ConcurrentHashMap.newKeySet();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sockets.add(http.newWebSocketBuilder().header("Authorization", "Bearer good")
                    .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + "/ws"), collector(received, i))
                    .get(10, TimeUnit.SECONDS));
        }
        awaitTrue(() -> service.openSockets() == 200, Duration.ofSeconds(10));

        long started = System.nanoTime();
        assertThat(get(gateway, "/api/v1/things").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        sockets.get(17).sendText("ping", true).get(5, TimeUnit.SECONDS);
        awaitTrue(() -> received.contains("17:echo:ping"), Duration.ofSeconds(5));
        assertThat(received).contains("0:hello", "199:hello");

        for (WebSocket socket : sockets) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        awaitTrue(() -> service.openSockets() == 0, Duration.ofSeconds(10));
    }

    @Test
    void oneClientCannotTakeWhatOthersNeed() throws Exception {
        TestService service = service();
        Gateway gateway = gateway(toService(service, "/ws", ErrorFamily.SPEC_003)
                .route("/api/v1/", "svc", ErrorFamily.PROBLEM, CorsPolicy.none())
                .limits(new GatewayConfig.Limits(16, 64, 2, 100, 3, 1024)));

        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sockets.add(http.newWebSocketBuilder().header("Authorization", "Bearer good")
                    .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + "/ws"), collector(ConcurrentHashMap.newKeySet(), i))
                    .get(10, TimeUnit.SECONDS));
        }
        assertThat(RawHttp.send(gateway.port(), RawHttp.upgrade("/ws", "Bearer good")).status()).isEqualTo(429);

        ExecutorService stuck = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                stuck.submit(() -> RawHttp.send(gateway.port(), RawHttp.get("/api/v1/stuck")));
            }
            awaitTrue(() -> service.stuckRequests() == 2, Duration.ofSeconds(5));
            assertThat(RawHttp.send(gateway.port(), RawHttp.get("/api/v1/things")).status()).isEqualTo(429);
            RawHttp.Answer otherClient = RawHttp.send("127.0.0.2", gateway.port(), RawHttp.get("/api/v1/things"), "");
            assertThat(otherClient.status()).isEqualTo(200);
            assertThat(new JsonObject(otherClient.body()).getString("x_forwarded_for")).isEqualTo("127.0.0.2");
        } finally {
            stuck.shutdownNow();
            sockets.forEach(WebSocket::abort);
        }
    }

    @Test
    void bodiesStreamBothWaysAndOversizedOnesAreRefused() throws Exception {
        Gateway gateway = gateway(toService(service(), "/api/v1/", ErrorFamily.PROBLEM)
                .limits(new GatewayConfig.Limits(16, 64, 64, 100, 10, 4 * 1024 * 1024)));
        String large = "x".repeat(3 * 1024 * 1024);

        HttpResponse<String> echoed = http.send(HttpRequest.newBuilder(uri(gateway, "/api/v1/echo"))
                .POST(HttpRequest.BodyPublishers.ofString(large)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(echoed.statusCode()).isEqualTo(200);
        assertThat(echoed.body()).isEqualTo(large);

        HttpResponse<String> empty = http.send(HttpRequest.newBuilder(uri(gateway, "/api/v1/empty"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(empty.statusCode()).isEqualTo(204);
        assertThat(empty.body()).isEmpty();

        RawHttp.Answer tooLarge = RawHttp.send("127.0.0.1", gateway.port(), "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: " + (5 * 1024 * 1024) + "\r\nConnection: close\r\n", "");
        assertThat(tooLarge.status()).isEqualTo(413);
    }

    @Test
    void requestsGoRoundRobinToReadyReplicasAndAroundADeadOne() throws Exception {
        TestService first = service();
        TestService second = service();
        Gateway gateway = gateway(GatewayConfig.builder().upstream("svc", endpoint(first), endpoint(second))
                .route("/api/v1/things", "svc", ErrorFamily.PROBLEM, CorsPolicy.none()));

        for (int i = 0; i < 10; i++) {
            assertThat(get(gateway, "/api/v1/things").statusCode()).isEqualTo(200);
        }
        first.close();
        opened.remove(first);
        for (int i = 0; i < 10; i++) {
            assertThat(get(gateway, "/api/v1/things").statusCode()).as("request " + i).isEqualTo(200);
        }
        assertThat(gateway.replicaStates().get("svc")).anyMatch(state -> state.endsWith("DEAD"));
    }

    @Test
    void aReplicaTooBusyToAnswerTwoProbesInTimeStaysInRotation() throws Exception {
        TestService busy = service();
        Gateway gateway = gateway(toService(busy, "/api/v1/things", ErrorFamily.PROBLEM));
        assertThat(get(gateway, "/api/v1/things").statusCode()).isEqualTo(200);

        List<String> transitions = whileRecordingTransitions(() -> {
            busy.leaveProbesUnanswered(2);
            getFor(gateway, "/api/v1/things", Duration.ofSeconds(4));
        });

        assertThat(busy.probesStillToLeave()).isZero();
        assertThat(transitions).noneMatch(transition -> transition.contains("-> DEAD"));
        assertThat(gateway.replicaStates().get("svc")).allMatch(state -> state.endsWith("READY"));
    }

    @Test
    void theOnlyReplicaLeavingItsProbesUnansweredForLongIsSlowNotDeadAndKeepsTakingRequests() throws Exception {
        TestService busy = service();
        Gateway gateway = gateway(toService(busy, "/api/v1/things", ErrorFamily.PROBLEM));
        assertThat(get(gateway, "/api/v1/things").statusCode()).isEqualTo(200);

        List<String> transitions = whileRecordingTransitions(() -> {
            busy.leaveProbesUnanswered(8);
            getFor(gateway, "/api/v1/things", Duration.ofSeconds(6));
            awaitTrue(() -> gateway.replicaStates().get("svc").stream().allMatch(s -> s.endsWith(" READY")),
                    Duration.ofSeconds(10));
        });

        assertThat(busy.probesStillToLeave()).isZero();
        assertThat(transitions).contains("svc replica 127.0.0.1:" + busy.port() + ": READY -> NOT_READY")
                .noneMatch(transition -> transition.contains("-> DEAD"));
    }

    /** Gets {@code path} every 50 ms for {@code duration}, asserting that every answer is a 200. */
    private void getFor(Gateway gateway, String path, Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            assertThat(get(gateway, path).statusCode()).isEqualTo(200);
            Thread.sleep(50);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    /** The replica state changes the gateway logs while {@code action} runs. */
    private static List<String> whileRecordingTransitions(Action action) throws Exception {
        List<String> transitions = new CopyOnWriteArrayList<>();
        Handler record = new Handler() {
            @Override
            public void publish(LogRecord entry) {
                transitions.add(MessageFormat.format(entry.getMessage(), entry.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(Gateway.class.getName());
        log.addHandler(record);
        try {
            action.run();
        } finally {
            log.removeHandler(record);
        }
        return transitions;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private WebSocket.Listener collector(Set<String> received, int index) {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                received.add(index + ":" + data);
                socket.request(1);
                return null;
            }
        };
    }

    private TestService service() {
        TestService service = new TestService();
        opened.add(service);
        return service;
    }

    /** A gateway config with one route, {@code prefix} to {@code service}, without CORS. */
    private static GatewayConfig.Builder toService(TestService service, String prefix, ErrorFamily family) {
        return GatewayConfig.builder().upstream("svc", endpoint(service))
                .route(prefix, "svc", family, CorsPolicy.none());
    }

    private Gateway gateway(GatewayConfig.Builder builder) {
        try {
            Gateway gateway = Gateway.start(builder.listen("127.0.0.1", TestService.freePort())
                    .health("/q/health/ready", Duration.ofMillis(500)).build());
            opened.add(gateway);
            return gateway;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GatewayConfig.Endpoint endpoint(TestService service) {
        return new GatewayConfig.Endpoint("127.0.0.1", service.port());
    }

    private HttpResponse<String> get(Gateway gateway, String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(gateway, path)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(Gateway gateway, String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
