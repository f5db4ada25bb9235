package app.nozzly.printer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import app.nozzly.printer.support.LiveClient;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.RateWindows;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The rate limits of specs/003 (status reads per minute per client, WebSocket connections per client) and specs/002
 * (print operations per minute per user): counted per tenant, told in X-RateLimit-Limit/-Remaining/-Reset, a 429 in
 * each spec's error shape once used up, and held whatever X-Forwarded-For a client sends (only the gateway's is
 * believed).
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@TestProfile(LocalNetworkProfile.class)
class RateLimitTest {

    /** The limits are fixed one-minute windows: a test's count must not straddle a window's end. */
    private static void awaitFreshMinute() {
        RateWindows.awaitRoom(Duration.ofMinutes(1), Duration.ofSeconds(30));
    }

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void statusReadsStopAtTheLimitWithHeadersAndOtherTenantsKeepTheirOwnLimit() {
        String alice = TestTokens.bearer("limit-alice", "admin");
        String bob = TestTokens.bearer("limit-bob", "admin");
        awaitFreshMinute();
        int limit = LocalNetworkProfile.STATUS_PER_MINUTE;
        for (int i = 1; i <= limit; i++) {
            given().header("Authorization", alice).get("/api/v1/printers").then().statusCode(200)
                    .header("X-RateLimit-Limit", String.valueOf(limit))
                    .header("X-RateLimit-Remaining", String.valueOf(limit - i))
                    .header("X-RateLimit-Reset", notNullValue());
        }
        Response refused = given().header("Authorization", alice).get("/api/v1/printers");
        refused.then().statusCode(429).header("X-RateLimit-Limit", String.valueOf(limit))
                .header("X-RateLimit-Remaining", "0").header("Retry-After", notNullValue())
                .body("error.code", equalTo("RATE_LIMIT_EXCEEDED")).body("error.details.limit", equalTo(limit));
        long reset = Long.parseLong(refused.header("X-RateLimit-Reset"));
        assertThat(reset).isGreaterThan(Instant.now().getEpochSecond()).isLessThanOrEqualTo(Instant.now().getEpochSecond() + 60);
        // the limit holds: still refused, and a refused request is no free pass for the next
        given().header("Authorization", alice).get("/api/v1/printers/anything").then().statusCode(429);
        // a client that names another address is still the same client
        given().header("Authorization", alice).header("X-Forwarded-For", "203.0.113.7").get("/api/v1/printers")
                .then().statusCode(429);
        given().header("Authorization", alice).header("X-Forwarded-For", "198.51.100.1, 203.0.113.7")
                .get("/api/v1/printers").then().statusCode(429);

        // the same client address, another tenant: its own full budget
        given().header("Authorization", bob).get("/api/v1/printers").then().statusCode(200)
                .header("X-RateLimit-Remaining", String.valueOf(limit - 1));
        // reads that are not status reads count against the hourly limit only
        given().header("Authorization", alice).get("/api/v1/jobs").then().statusCode(200);
    }

    @Test
    void aClientHoldsTenWebSocketsPerTenantWhateverForwardedForItSends() throws Exception {
        String carol = TestTokens.bearer("sockets-carol", "viewer");
        List<LiveClient> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                sockets.add(LiveClient.connect(port, carol));
            }
            for (LiveClient socket : sockets) {
                assertThat(socket.closedWithin(Duration.ofMillis(300))).as("one of the first ten").isEmpty();
            }
            LiveClient eleventh = LiveClient.connect(port, carol);
            sockets.add(eleventh);
            assertThat(eleventh.closedWithin(Duration.ofSeconds(5))).hasValueSatisfying(
                    close -> assertThat(close).startsWith("1008").contains("RATE_LIMIT_EXCEEDED"));
            LiveClient spoofing = LiveClient.connect(port, carol, Map.of("X-Forwarded-For", "203.0.113.8"));
            sockets.add(spoofing);
            assertThat(spoofing.closedWithin(Duration.ofSeconds(5))).hasValueSatisfying(
                    close -> assertThat(close).startsWith("1008"));
            // the same address for another tenant: its own ten
            LiveClient neighbour = LiveClient.connect(port, TestTokens.bearer("sockets-dave", "viewer"));
            sockets.add(neighbour);
            assertThat(neighbour.closedWithin(Duration.ofSeconds(1))).isEmpty();
        } finally {
            sockets.forEach(LiveClient::close);
        }
    }

    @Test
    void printOperationsStopAtTheLimitPerTenantInTheSpecs002Shape() {
        String alice = TestTokens.bearer("ops-alice", "admin");
        String bob = TestTokens.bearer("ops-bob", "admin");
        awaitFreshMinute();
        int limit = LocalNetworkProfile.PRINT_OPERATIONS_PER_MINUTE;
        Map<String, Object> print = Map.of("job_name", "Bracket", "file_name", "bracket.3mf", "priority", 5);
        for (int i = 1; i <= limit; i++) {
            given().header("Authorization", alice).contentType(ContentType.JSON).body(print)
                    .post("/api/bambu/scheduled-prints").then().statusCode(201)
                    .header("X-RateLimit-Limit", String.valueOf(limit))
                    .header("X-RateLimit-Remaining", String.valueOf(limit - i));
        }
        given().header("Authorization", alice).contentType(ContentType.JSON).body(print)
                .post("/api/bambu/scheduled-prints").then().statusCode(429)
                .header("X-RateLimit-Remaining", "0").header("X-RateLimit-Reset", notNullValue())
                .body("status", equalTo(429)).body("error", notNullValue());
        // refused means not scheduled
        given().header("Authorization", alice).get("/api/bambu/scheduled-prints").then().statusCode(200)
                .body("size()", equalTo(limit));
        given().header("Authorization", bob).contentType(ContentType.JSON).body(print)
                .post("/api/bambu/scheduled-prints").then().statusCode(201)
                .header("X-RateLimit-Remaining", String.valueOf(limit - 1));
        // cancelling and rescheduling are print operations too
        long queued = given().header("Authorization", bob).get("/api/bambu/scheduled-prints").then().extract()
                .jsonPath().getLong("[0].id");
        given().header("Authorization", bob).delete("/api/bambu/scheduled-prints/" + queued).then().statusCode(200)
                .header("X-RateLimit-Remaining", String.valueOf(limit - 2));
    }
}
