package app.nozzly.facilitysim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The role matrix of the README: students produce for their own team, teachers and admins (owner) run the game, every
 * platform role from viewer up reads the tenant's game and may estimate, and a token with no role may do nothing.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class RolesTest {

    private record Call(String method, String path, Object body) {
    }

    private static final AtomicInteger TILES = new AtomicInteger();

    private Game game;
    private String team;
    private String farm;
    private String connection;
    private String production;

    @BeforeEach
    void aGameWithOneProduction() {
        game = new Game();
        team = game.team("Owls", "1000.00");
        String utility = game.team("Utility", "0");
        farm = game.facility(team, "FARM", "500");
        game.connect(farm, game.provider(utility, "POWER", "0.10", "1000"));
        connection = game.connect(farm, game.provider(utility, "WATER", "0.10", "1000"));
        production = game.as(game.student(team)).body(Game.produce(farm, Game.WHEAT, 1))
                .post("/api/facility/production/produce").then().statusCode(200).extract().path("data.productionId");
    }

    private List<Call> reads() {
        return List.of(new Call("GET", "/api/facility/production", null),
                new Call("GET", "/api/facility/production/" + production, null),
                new Call("POST", "/api/facility/production/estimate", Game.produce(farm, Game.WHEAT, 1)),
                new Call("GET", "/api/facility/transactions", null),
                new Call("GET", "/api/facility/inventory", null),
                new Call("GET", "/api/facility/raw-materials", null),
                new Call("GET", "/api/facility/raw-materials/" + Game.WHEAT, null),
                new Call("GET", "/api/facility/admin/teams", null),
                new Call("GET", "/api/facility/admin/teams/" + team, null),
                new Call("GET", "/api/facility/admin/facilities", null),
                new Call("GET", "/api/facility/admin/facilities/" + farm, null),
                new Call("GET", "/api/facility/admin/facilities/" + farm + "/connections", null));
    }

    private List<Call> administration() {
        return List.of(new Call("POST", "/api/facility/admin/teams", Map.of("name", "New " + UUID.randomUUID(),
                        "funds", "1")),
                new Call("POST", "/api/facility/admin/teams/" + team + "/funds", Map.of("amount", "1")),
                new Call("POST", "/api/facility/admin/facilities", Map.of("teamId", team, "name", "Mine", "type",
                        "MINE", "q", 90 + TILES.incrementAndGet(), "r", 90)),
                new Call("PATCH", "/api/facility/admin/facilities/" + farm, Map.of("level", 3)),
                new Call("POST", "/api/facility/admin/connections", Map.of("facilityId", farm, "providerId",
                        game.provider(team, "WATER", "0.20", "10"))),
                new Call("PATCH", "/api/facility/admin/connections/" + connection, Map.of("active", true)));
    }

    private static Call produce(String farm) {
        return new Call("POST", "/api/facility/production/produce", Game.produce(farm, Game.WHEAT, 1));
    }

    private static Response call(String bearer, Call call) {
        var request = given().header("Authorization", bearer).contentType(ContentType.JSON);
        if (call.body() != null) {
            request.body(call.body());
        }
        return request.request(call.method(), call.path());
    }

    private void expect(String bearer, List<Call> calls, int status) {
        for (Call c : calls) {
            Response answer = call(bearer, c);
            assertThat(answer.statusCode()).as(c.method() + " " + c.path() + ": " + answer.asString())
                    .isEqualTo(status);
            if (status == 403) {
                assertThat(answer.jsonPath().getInt("businessCode")).isEqualTo(4030);
            }
        }
    }

    private void expectSuccess(String bearer, List<Call> calls) {
        for (Call c : calls) {
            Response answer = call(bearer, c);
            assertThat(answer.statusCode()).as(c.method() + " " + c.path() + ": " + answer.asString()).isIn(200, 201);
        }
    }

    @Test
    void aTokenWithNoRoleIsRefusedEverything() {
        String none = TestTokens.bearer(game.tenant);
        expect(none, reads(), 403);
        expect(none, administration(), 403);
        expect(none, List.of(produce(farm)), 403);
    }

    @Test
    void aViewerReadsAndEstimatesButIsRefusedEveryWrite() {
        String viewer = TestTokens.bearer(game.tenant, "viewer");
        expectSuccess(viewer, reads());
        expect(viewer, administration(), 403);
        expect(viewer, List.of(produce(farm)), 403);
    }

    @Test
    void anOperatorReadsButIsRefusedTheAdministrationAndProduction() {
        String operator = TestTokens.bearer(game.tenant, "operator");
        expectSuccess(operator, reads());
        expect(operator, administration(), 403);
        expect(operator, List.of(produce(farm)), 403);
    }

    @Test
    void anAdminOrOwnerRunsTheGameLikeATeacherButDoesNotProduce() {
        for (String role : new String[] { "admin", "owner", "teacher" }) {
            String bearer = TestTokens.bearer(game.tenant, role);
            expectSuccess(bearer, reads());
            expectSuccess(bearer, administration());
            expect(bearer, List.of(produce(farm)), 403);
        }
    }

    @Test
    void aStudentProducesAndReadsForTheirTeamButIsRefusedTheAdministration() {
        String student = game.student(team);
        expectSuccess(student, List.of(produce(farm)));
        expectSuccess(student, reads().stream().filter(c -> !c.path().startsWith("/api/facility/admin/")).toList());
        expect(student, reads().stream().filter(c -> c.path().startsWith("/api/facility/admin/")).toList(), 403);
        expect(student, administration(), 403);
    }

    @Test
    void anEndpointWithoutARoleAnnotationIsDenied() {
        expect(TestTokens.bearer(game.tenant, "owner", "teacher", "student"),
                List.of(new Call("GET", "/api/facility/test-probes/unannotated", null)), 403);
    }
}
