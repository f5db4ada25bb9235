package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.PlatformInfra;
import app.nozzly.testing.ServiceProcess;
import app.nozzly.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The packaged service twice, as two replicas sharing one Postgres: rate limits add up to one budget,
 * a login through one replica works on the other, and its token on inventory-service until logout.
 */
class TwoInstancesIT {

    private static EtsySimulator etsy;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void startReplicas() {
        PlatformInfra.get();
        etsy = EtsySimulator.builder().port(0).keystring("itkeystring").sharedSecret("itsecret").ratePerSecond(10)
                .tokenErrorRate(0.05).start();
        Map<String, String> config = etsy.orderSyncSettings();
        config.put("ordersync.token-encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        config.put("platform.rate-limit.rules.authenticated.limit", "20");
        first = ServiceProcess.start("order-sync-service", config);
        second = ServiceProcess.start("order-sync-service", config);
    }

    @AfterAll
    static void stopReplicas() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (etsy != null) {
            etsy.close();
        }
    }

    @Test
    void rateLimitHeadersAnd429FromTwoInstancesAddUpToOneBudget() {
        awayFromWindowEdge(LocalTime.now(ZoneOffset.UTC).getMinute() == 59 ? 60 : 0);
        String bearer = TestTokens.bearer("rl-" + UUID.randomUUID(), "owner");
        for (int i = 1; i <= 20; i++) {
            ServiceProcess replica = i % 2 == 0 ? first : second;
            Response response = given().baseUri(replica.url()).header("Authorization", bearer).get("/api/orders");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("20");
            assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(20 - i));
            assertThat(Long.parseLong(response.header("X-RateLimit-Reset")))
                    .isGreaterThan(System.currentTimeMillis() / 1000);
        }
        for (ServiceProcess replica : new ServiceProcess[] { first, second }) {
            given().baseUri(replica.url()).header("Authorization", bearer).get("/api/orders").then().statusCode(429)
                    .body("status", equalTo(429)).header("X-RateLimit-Remaining", "0")
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void fiveEtsySyncsPerMinuteHoldAcrossInstances() {
        awayFromWindowEdge(0);
        String bearer = TestTokens.bearer("sync-" + UUID.randomUUID(), "owner");
        for (int i = 1; i <= 5; i++) {
            ServiceProcess replica = i % 2 == 0 ? first : second;
            // no Etsy connection: 409, but the attempt spends from the sync budget
            given().baseUri(replica.url()).header("Authorization", bearer).post("/api/orders/sync").then()
                    .statusCode(409).header("X-RateLimit-Limit", "5")
                    .header("X-RateLimit-Remaining", String.valueOf(5 - i));
        }
        given().baseUri(first.url()).header("Authorization", bearer).post("/api/orders/sync").then().statusCode(429)
                .body("error", org.hamcrest.Matchers.containsString("rate limit of 5 requests per 60 s"));
    }

    @Test
    void loginThroughOneReplicaWorksOnTheOtherForSyncAndList() {
        SimShop shop = etsy.createShop("ReplicaShop" + System.nanoTime() % 10_000, "Robin", "Smith");
        etsy.approveAs(shop);
        etsy.addReceipts(shop, 40, Duration.ofDays(10));
        String token = signInOnFirst();

        given().baseUri(second.url()).header("Authorization", "Bearer " + token).post("/api/orders/sync").then()
                .statusCode(200).body("synced_count", equalTo(40));
        given().baseUri(first.url()).header("Authorization", "Bearer " + token).get("/api/orders").then()
                .statusCode(200).body("total", equalTo(40));

        // the platform's standard verification (platform-commons) accepts it on the other replica too
        given().baseUri(second.url()).header("Authorization", "Bearer " + token).get("/api/auth/user").then()
                .statusCode(200);
        given().baseUri(second.url()).header("Authorization", "Bearer " + token + "x").get("/api/orders").then()
                .statusCode(401);
    }

    @Test
    void theTokenFromLoginIsAcceptedByInventoryServiceAndRefusedThereAfterLogout() {
        SimShop shop = etsy.createShop("Platform" + System.nanoTime() % 10_000, "Kim", "Lee");
        etsy.approveAs(shop);
        String token = signInOnFirst();

        try (ServiceProcess inventory = ServiceProcess.start(snapshotOf("inventory-service"), Map.of())) {
            given().baseUri(inventory.url()).header("Authorization", "Bearer " + token).get("/api/v1/spools").then()
                    .statusCode(200);
            given().baseUri(inventory.url()).get("/api/v1/spools").then().statusCode(401);
            given().baseUri(inventory.url()).header("Authorization", "Bearer " + token + "x").get("/api/v1/spools")
                    .then().statusCode(401);

            given().baseUri(second.url()).header("Authorization", "Bearer " + token).post("/api/auth/logout").then()
                    .statusCode(200);
            // the revocation travels on auth.revocations: inventory-service refuses the token once it has read it
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(inventory.url())
                    .header("Authorization", "Bearer " + token).get("/api/v1/spools").then().statusCode(401));
            given().baseUri(first.url()).header("Authorization", "Bearer " + token).get("/api/orders").then()
                    .statusCode(401);
        }
    }

    @Test
    void aSyncWhoseProcessDiesEndsFailedWhenTheShopsNextSyncStarts() {
        SimShop shop = etsy.createShop("Crash" + System.nanoTime() % 10_000, "Lee", "Park");
        etsy.approveAs(shop);
        etsy.addReceipts(shop, 1500, Duration.ofDays(60));
        String bearer = "Bearer " + signInOnFirst();

        // Etsy makes the sync on the first replica wait; the replica dies while it waits
        etsy.throttle(Duration.ofSeconds(6));
        CompletableFuture.runAsync(() -> given().baseUri(first.url()).header("Authorization", bearer)
                .post("/api/orders/sync"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(second.url())
                .header("Authorization", bearer).get("/api/orders/sync/runs").then().statusCode(200)
                .body("runs[0].status", equalTo("running")));
        first.kill();
        try {
            // Postgres ends the dead replica's session and its lock; each try spends from the 5 syncs a minute
            await().pollInterval(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                    .baseUri(second.url())
                    .header("Authorization", bearer).post("/api/orders/sync").then().statusCode(200)
                    .body("sync_run.status", equalTo("completed")).body("total_orders", equalTo(1500)));
            given().baseUri(second.url()).header("Authorization", bearer).get("/api/orders/sync/runs").then()
                    .statusCode(200).body("runs[0].status", equalTo("completed"))
                    .body("runs[1].status", equalTo("failed"))
                    .body("runs[1].error", org.hamcrest.Matchers.startsWith("the process running this sync stopped"))
                    .body("runs[1].finished_at", org.hamcrest.Matchers.notNullValue());
        } finally {
            first.start();
        }
    }

    /**
     * A private copy of another module's packaged service, started as that module: engineers re-package the
     * shared tree while this runs, and a re-package deletes the jars under a running service (NoSuchFileException).
     */
    private static String snapshotOf(String module) {
        Path root = Paths.get("").toAbsolutePath().getParent();
        Path source = root.resolve(module).resolve("target/quarkus-app");
        String copy = "order-sync-service/target/snapshots/" + module;
        Path target = root.resolve(copy).resolve("target/quarkus-app");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("package " + module + " first (./mvnw -B -ntp -o -pl " + module
                    + " package -DskipTests): " + e.getMessage(), e);
        }
        return copy;
    }

    /** Signs the shop Etsy approves as in through the first replica (login, consent, callback): its token. */
    private static String signInOnFirst() {
        Response login = given().baseUri(first.url()).get("/api/auth/login");
        Map<String, String> redirect = consent(login.path("auth_url"));
        return given().baseUri(first.url()).contentType(ContentType.JSON)
                .body(Map.of("code", redirect.get("code"), "code_verifier", login.path("code_verifier")))
                .post("/api/auth/callback").then().statusCode(200).extract().path("token");
    }

    private static Map<String, String> consent(String authUrl) {
        // the URL is already encoded: send it as it is
        Response response = given().urlEncodingEnabled(false).redirects().follow(false).get(authUrl);
        assertThat(response.statusCode()).isEqualTo(302);
        String query = java.net.URI.create(response.header("Location")).getRawQuery();
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return params;
    }

    /** Fixed windows restart on the minute: start a counting test well inside one. */
    private static void awayFromWindowEdge(int extraSeconds) {
        int second = LocalTime.now(ZoneOffset.UTC).getSecond();
        long wait = (second > 45 ? 62 - second : 0) + extraSeconds;
        if (wait > 0) {
            try {
                Thread.sleep(wait * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
