package app.nozzly.facilitysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.RateWindows;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** specs/004 "Rate Limiting" with the spec's own numbers: 10 produce per team, 60 status and 30 list per user. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@TestProfile(RateLimitTest.SpecLimits.class)
class RateLimitTest {

    /** The spec's limits; a ten-minute window so a minute boundary never falls inside a test. */
    public static class SpecLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.rate-limit.rules.produce.limit", "10",
                    "platform.rate-limit.rules.produce.window", "10m",
                    "platform.rate-limit.rules.status.limit", "60",
                    "platform.rate-limit.rules.status.window", "10m",
                    "platform.rate-limit.rules.list.limit", "30",
                    "platform.rate-limit.rules.list.window", "10m");
        }
    }

    @Test
    void produceAllowsTenRequestsPerTeamThenAnswers429InTheEnvelope() {
        Game game = new Game();
        Game.Farm plant = game.farm("Busy", "100000.00", "100000", "0.10", "0.10", "100000");
        RateWindows.awaitRoom(Duration.ofMinutes(10), Duration.ofMinutes(1));
        for (int i = 1; i <= 10; i++) {
            // two students of one team share the team's budget of ten
            String student = game.student(plant.team(), i % 2 == 0 ? "alice" : "bob");
            game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 1))
                    .post("/api/facility/production/produce").then().statusCode(200)
                    .header("X-RateLimit-Limit", "10")
                    .header("X-RateLimit-Remaining", String.valueOf(10 - i))
                    .header("X-RateLimit-Reset", notNullValue());
        }
        game.as(game.student(plant.team(), "carol")).body(Game.produce(plant.farm(), Game.WHEAT, 1))
                .queryParam("lang", "en")
                .post("/api/facility/production/produce").then().statusCode(429)
                .body("success", equalTo(false))
                .body("businessCode", equalTo(4290))
                .body("message", equalTo("Too many requests, please retry later"))
                .body("data.limit", equalTo(10))
                .body("data.windowSeconds", equalTo(600))
                .body("data.retryAfterSeconds", notNullValue())
                .header("X-RateLimit-Limit", "10")
                .header("X-RateLimit-Remaining", "0")
                .header("Retry-After", notNullValue());
        game.asTeacher().get("/api/facility/production").then().statusCode(200)
                .body("data.pagination.totalItems", equalTo(10));

        String otherTeam = game.team("Calm", "100.00");
        String otherFarm = game.facility(otherTeam, "FARM", "100");
        game.as(game.student(otherTeam)).body(Game.produce(otherFarm, Game.WHEAT, 1))
                .post("/api/facility/production/produce").then().statusCode(409).body("businessCode", equalTo(4003));
    }

    @Test
    void listsAllowThirtyAndStatusChecksSixtyRequestsPerUser() {
        Game game = new Game();
        String student = game.student(UUID.randomUUID().toString(), "dave");
        for (int i = 0; i < 30; i++) {
            game.as(student).get("/api/facility/raw-materials").then().statusCode(200);
        }
        Response refused = game.as(student).get("/api/facility/transactions");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.jsonPath().getInt("businessCode")).isEqualTo(4290);
        assertThat(refused.jsonPath().getString("message")).isEqualTo("请求过于频繁，请稍后再试");

        for (int i = 0; i < 60; i++) {
            game.as(student).get("/api/facility/raw-materials/" + Game.WHEAT).then().statusCode(200)
                    .header("X-RateLimit-Limit", "60");
        }
        game.as(student).get("/api/facility/raw-materials/" + Game.WHEAT).then().statusCode(429)
                .body("businessCode", equalTo(4290));

        String someoneElse = game.student(UUID.randomUUID().toString(), "erin");
        game.as(someoneElse).get("/api/facility/raw-materials").then().statusCode(200)
                .header("X-RateLimit-Remaining", "29");
        Game otherTenant = new Game();
        otherTenant.as(otherTenant.student(UUID.randomUUID().toString(), "dave")).get("/api/facility/raw-materials")
                .then().statusCode(200).header("X-RateLimit-Remaining", "29");
    }

    @Test
    void aSpoofedForwardedForDoesNotResetALimit() {
        Game game = new Game();
        String student = game.student(UUID.randomUUID().toString(), "frank");
        for (int i = 0; i < 30; i++) {
            game.as(student).header("X-Forwarded-For", "203.0.113." + i).get("/api/facility/inventory").then()
                    .statusCode(200).header("X-RateLimit-Remaining", String.valueOf(29 - i));
        }
        game.as(student).header("X-Forwarded-For", "198.51.100.7").header("Forwarded", "for=198.51.100.7")
                .header("X-Real-IP", "198.51.100.7").get("/api/facility/inventory").then().statusCode(429)
                .body("businessCode", equalTo(4290))
                .header("X-RateLimit-Remaining", "0")
                .header("Retry-After", notNullValue());
    }
}
