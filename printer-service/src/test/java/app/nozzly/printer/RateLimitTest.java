package app.nozzly.printer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The rate limits of specs/003 (status reads per minute) and specs/002 (print operations per minute): counted per
 * tenant, told in X-RateLimit-Limit/-Remaining/-Reset, and a 429 in each spec's error shape once used up.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@TestProfile(LocalNetworkProfile.class)
class RateLimitTest {

    /** The limits are fixed one-minute windows: start early in a minute so the window cannot roll over mid-test. */
    private static void awaitFreshMinute() {
        await().atMost(Duration.ofSeconds(65)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().atOffset(ZoneOffset.UTC).getSecond() < 30);
    }

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

        // the same client address, another tenant: its own full budget
        given().header("Authorization", bob).get("/api/v1/printers").then().statusCode(200)
                .header("X-RateLimit-Remaining", String.valueOf(limit - 1));
        // reads that are not status reads count against the hourly limit only
        given().header("Authorization", alice).get("/api/v1/jobs").then().statusCode(200);
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
    }
}
