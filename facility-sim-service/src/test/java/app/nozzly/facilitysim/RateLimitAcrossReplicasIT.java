package app.nozzly.facilitysim;

import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.nozzly.testing.ServiceProcess;
import io.restassured.RestAssured;

/**
 * Two replicas of the packaged service against one Postgres: the specs/004 produce limit (10 per team) is one
 * budget for the team, whichever replica a request lands on.
 */
class RateLimitAcrossReplicasIT {

    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void twoReplicas() {
        // a ten-minute window so a minute boundary never falls inside the test
        Map<String, String> config = Map.of("platform.rate-limit.rules.produce.window", "10m",
                "quarkus.log.category.\"org.apache.kafka\".level", "ERROR");
        first = ServiceProcess.start("facility-sim-service", config);
        second = ServiceProcess.start("facility-sim-service", config);
        RestAssured.port = URI.create(first.url()).getPort();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        RestAssured.reset();
    }

    @Test
    void produceLimitPerTeamHoldsAcrossReplicas() {
        Game game = new Game();
        Game.Farm plant = game.farm("Busy", "100000.00", "100000", "0.10", "0.10", "100000");
        int secondPort = URI.create(second.url()).getPort();
        for (int i = 1; i <= 10; i++) {
            game.as(game.student(plant.team())).port(i % 2 == 0 ? secondPort : RestAssured.port)
                    .body(Game.produce(plant.farm(), Game.WHEAT, 1)).post("/api/facility/production/produce")
                    .then().statusCode(200).header("X-RateLimit-Remaining", String.valueOf(10 - i));
        }
        for (int port : new int[] { secondPort, RestAssured.port }) {
            game.as(game.student(plant.team())).port(port).body(Game.produce(plant.farm(), Game.WHEAT, 1))
                    .post("/api/facility/production/produce")
                    .then().statusCode(429).body("businessCode", equalTo(4290));
        }
        game.asTeacher().get("/api/facility/production").then().statusCode(200)
                .body("data.pagination.totalItems", equalTo(10));
    }
}
