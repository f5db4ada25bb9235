package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.RateWindows;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * specs/002 Rate Limiting on platform-commons' limiter: 1000 requests an hour per user with a token and 5 Etsy
 * syncs a minute per shop, X-RateLimit-* on every counted answer, 429 with Retry-After in specs/002's body beyond,
 * whatever address a client claims in X-Forwarded-For (the tests' client is not a trusted proxy).
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class RateLimitTest {

    @Test
    void everyAnswerToAUserWithATokenTellsWhereItsHourlyBudgetStands() {
        String bearer = TestTokens.bearer("budget-" + UUID.randomUUID(), "viewer");
        for (int i = 1; i <= 3; i++) {
            Response answer = given().header("Authorization", bearer).get("/api/analytics/dashboard");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.header("X-RateLimit-Limit")).isEqualTo("1000");
            assertThat(answer.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(1000 - i));
            assertThat(Long.parseLong(answer.header("X-RateLimit-Reset")))
                    .isGreaterThan(System.currentTimeMillis() / 1000);
        }
        // another user's budget is its own
        given().header("Authorization", TestTokens.bearer("budget-" + UUID.randomUUID(), "viewer"))
                .get("/api/orders").then().statusCode(200).header("X-RateLimit-Remaining", "999");
    }

    @Test
    void aShopsSixthSyncInAMinuteIs429AndAForwardedForAddressDoesNotResetIt() {
        awayFromTheMinutesEnd();
        String shop = "syncs-" + UUID.randomUUID();
        String bearer = TestTokens.bearer(shop, "operator");
        for (int i = 1; i <= 5; i++) {
            // no Etsy connection: 409, but the attempt spends from the shop's sync budget
            given().header("Authorization", bearer).post("/api/orders/sync").then().statusCode(409)
                    .header("X-RateLimit-Limit", "5").header("X-RateLimit-Remaining", String.valueOf(5 - i));
        }
        Response refused = given().header("Authorization", bearer).post("/api/orders/sync");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.jsonPath().getMap("$")).containsOnlyKeys("error", "status").containsEntry("status", 429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.jsonPath().getString("error")).contains("rate limit of 5 requests per 60 s");

        given().header("Authorization", bearer).header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "for=203.0.113.9").post("/api/orders/sync").then().statusCode(429)
                .body("status", equalTo(429));
        // the budget is the shop's: another user of the same shop is refused too, another shop is not
        JwtClaims anotherUser = TestTokens.claims(shop, new String[] { "owner" }, 3600);
        anotherUser.setSubject("another-user-of-" + shop);
        given().header("Authorization", "Bearer " + TestTokens.sign(anotherUser)).post("/api/orders/sync").then()
                .statusCode(429).body("error", containsString("retry in"));
        given().header("Authorization", TestTokens.bearer("syncs-" + UUID.randomUUID(), "operator"))
                .post("/api/orders/sync").then().statusCode(409);
    }

    /** The six syncs must fall in one minute's window. */
    private static void awayFromTheMinutesEnd() {
        RateWindows.awaitRoom(Duration.ofMinutes(1), Duration.ofSeconds(15));
    }
}
