package app.nozzly.facilitysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Whatever a client sends, the answer is 400 or 409 in the envelope, never a 5xx, and nothing changes. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class InputHardeningTest {

    private static final String TEAMS = "/api/facility/admin/teams";
    private static final String FACILITIES = "/api/facility/admin/facilities";
    private static final String PRODUCE = "/api/facility/production/produce";

    private Game game;
    private String team;
    private String farm;

    @BeforeEach
    void aTeamWithAFarm() {
        game = new Game();
        team = game.team("Owls", "100.00");
        farm = game.facility(team, "FARM", "50");
    }

    private void refused(Response answer, String field) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.jsonPath().getInt("businessCode")).isEqualTo(4001);
        assertThat(answer.jsonPath().getList("data.errors.field")).as(answer.asString()).contains(field);
    }

    private void nothingChanged() {
        game.asTeacher().get(TEAMS).then().statusCode(200).body("data.teams", hasSize(1))
                .body("data.teams[0].name", equalTo("Owls"));
        assertThat(new BigDecimal(game.teamView(team).getString("data.funds"))).isEqualByComparingTo("100.00");
        game.asTeacher().get(FACILITIES).then().body("data.facilities", hasSize(1));
        game.asTeacher().get("/api/facility/production").then().body("data.pagination.totalItems", equalTo(0));
    }

    @Test
    void anEmptyIdInAConnectionIs400NotA500() {
        refused(game.asTeacher().body("{\"facilityId\":\"\"}").post("/api/facility/admin/connections"),
                "facilityId");
        refused(game.asTeacher().body(Map.of("facilityId", farm, "providerId", "well-1"))
                .post("/api/facility/admin/connections"), "providerId");
        game.asTeacher().get(FACILITIES + "/" + farm + "/connections").then().body("data.connections", hasSize(0));
    }

    @Test
    void aBlankIdInThePathIs400NotA500() {
        refused(game.asTeacher().urlEncodingEnabled(false).get(TEAMS + "/%20"), "teamId");
        refused(game.asTeacher().urlEncodingEnabled(false).body(Map.of("name", "Mine")).patch(FACILITIES + "/%20"),
                "facilityId");
        refused(game.as(game.student(team)).urlEncodingEnabled(false).get("/api/facility/production/%20"),
                "productionId");
    }

    @Test
    void nulBytesAreRefusedInBodiesPathsAndParameters() {
        refused(game.asTeacher().body("{\"name\":\"Ow\\u0000ls\",\"funds\":1}").post(TEAMS), "name");
        Response inPath = game.asTeacher().urlEncodingEnabled(false).get(TEAMS + "/%00");
        assertThat(inPath.statusCode()).isEqualTo(400);
        assertThat(inPath.jsonPath().getInt("businessCode")).isEqualTo(4001);
        refused(game.asTeacher().urlEncodingEnabled(false).get("/api/facility/raw-materials?search=ore%00"), "search");
        nothingChanged();
    }

    @Test
    void overlongTextIsRefused() {
        refused(game.asTeacher().body(Map.of("name", "x".repeat(100_000), "funds", "1")).post(TEAMS), "name");
        refused(game.asTeacher().body(Map.of("name", "x".repeat(101))).patch(FACILITIES + "/" + farm), "name");
        refused(game.asTeacher().body(Map.of("name", "   ")).patch(FACILITIES + "/" + farm), "name");
        refused(game.asTeacher().queryParam("search", "o".repeat(101)).get("/api/facility/raw-materials"), "search");
        nothingChanged();
    }

    @Test
    void numbersBeyondTheirColumnsAreRefused() {
        refused(game.asTeacher().body(Map.of("name", "Rich", "funds", "1e20")).post(TEAMS), "funds");
        refused(game.asTeacher().body(Map.of("name", "Rich", "funds", "0.001")).post(TEAMS), "funds");
        refused(game.asTeacher().body(Map.of("amount", "99999999999999999")).post(TEAMS + "/" + team + "/funds"),
                "amount");
        refused(game.asTeacher().body("{\"amount\":1e400}").post(TEAMS + "/" + team + "/funds"), "amount");
        refused(game.asTeacher().body("{\"teamId\":\"" + team + "\",\"name\":\"Far\",\"type\":\"MINE\","
                + "\"q\":2147483648,\"r\":0}").post(FACILITIES), "q");
        refused(game.asTeacher().body(Map.of("teamId", team, "name", "Odd", "type", "MINE", "q", 1, "r", 1,
                "level", 1.5)).post(FACILITIES), "level");
        refused(game.asTeacher().body(Map.of("storageCapacity", "12345678901.5")).patch(FACILITIES + "/" + farm),
                "storageCapacity");
        refused(game.as(game.student(team)).body(Game.produce(farm, Game.WHEAT, "10000000000"))
                .post(PRODUCE), "quantity");
        refused(game.as(game.student(team)).body(Map.of("facilityId", farm, "rawMaterialId", 9223372036854775808.0,
                "quantity", 1)).post(PRODUCE), "rawMaterialId");
        refused(game.asTeacher().queryParam("page", 2_000_000).get(TEAMS), "page");
        refused(game.asTeacher().queryParam("limit", "99999999999").get(TEAMS), "limit");
        game.asTeacher().queryParam("page", 1_000_000).queryParam("limit", 100).get(TEAMS).then().statusCode(200)
                .body("data.teams", hasSize(0));
        nothingChanged();
    }

    @Test
    void datesBeyondWhatIsStoredAreRefused() {
        String student = game.student(team);
        for (String date : List.of("10000-01-01", "0000-12-31", "2025-02-30", "+999999999-12-31T00:00:00Z")) {
            refused(game.as(student).queryParam("startDate", date).get("/api/facility/production"), "startDate");
            refused(game.as(student).queryParam("endDate", date).get("/api/facility/transactions"), "endDate");
        }
        game.as(student).queryParam("startDate", "2025-09-06T08:00:00Z").queryParam("endDate", "9999-12-31")
                .get("/api/facility/production").then().statusCode(200);
    }

    @Test
    void sixIdenticalConcurrentCreatesMakeOneAndAnswer409ForTheRest() {
        List<Integer> teams = concurrently(() -> game.asTeacher().body(Map.of("name", "Twins", "funds", "1"))
                .post(TEAMS).statusCode());
        assertThat(teams).containsOnly(201, 409).containsOnlyOnce(201);
        game.asTeacher().get(TEAMS).then().body("data.teams.name", contains("Owls", "Twins"));

        List<Integer> facilities = concurrently(() -> game.asTeacher().body(Map.of("teamId", team, "name", "Mine",
                "type", "MINE", "q", 40, "r", 40)).post(FACILITIES).statusCode());
        assertThat(facilities).containsOnly(201, 409).containsOnlyOnce(201);
        game.asTeacher().get(FACILITIES).then().body("data.facilities", hasSize(2));

        String well = game.provider(team, "WATER", "0.10", "100");
        List<Integer> connections = concurrently(() -> game.asTeacher().body(Map.of("facilityId", farm,
                "providerId", well)).post("/api/facility/admin/connections").statusCode());
        assertThat(connections).isSubsetOf(200, 201, 409).containsOnlyOnce(201);
        game.asTeacher().get(FACILITIES + "/" + farm + "/connections").then().body("data.connections", hasSize(1));
    }

    private static List<Integer> concurrently(Supplier<Integer> call) {
        return IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(call)).toList().stream()
                .map(CompletableFuture::join).toList();
    }

    @Test
    void aStudentTokenWithAMalformedTeamClaimMayNotAct() {
        game.as(game.student("team-one")).body(Game.produce(farm, Game.WHEAT, 1)).post(PRODUCE).then()
                .statusCode(403).body("businessCode", equalTo(4030));
        game.as(game.student(UUID.randomUUID().toString())).get("/api/facility/production").then().statusCode(200)
                .body("data.productions", hasSize(0));
        nothingChanged();
    }
}
