package app.nozzly.facilitysim;

import static app.nozzly.facilitysim.Game.is;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The administration API a teacher uses to run a game; students may not use it and tenants do not mix. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@ExtendWith(DecimalsAsBigDecimal.class)
class AdminResourceTest {

    private final Game game = new Game();

    @Test
    void teacherCreatesTeamsGrantsFundsAndListsThemPaged() {
        String team = game.team("Owls", "10.50");
        game.team("Bears", "0");
        game.asTeacher().body(Map.of("amount", "4.50")).post("/api/facility/admin/teams/" + team + "/funds")
                .then().statusCode(200).body("data.funds", is("15.00"));
        game.asTeacher().queryParam("limit", 1).get("/api/facility/admin/teams").then().statusCode(200)
                .body("data.teams.name", contains("Bears"))
                .body("data.pagination.totalItems", equalTo(2))
                .body("data.pagination.hasNext", equalTo(true));
        game.asTeacher().body(Map.of("amount", "-1")).post("/api/facility/admin/teams/" + team + "/funds")
                .then().statusCode(400).body("businessCode", equalTo(4001));
        game.asTeacher().body(Map.of("name", "Owls", "funds", "1")).post("/api/facility/admin/teams")
                .then().statusCode(409).body("businessCode", equalTo(4090));
        game.asTeacher().body(Map.of("funds", "-3")).post("/api/facility/admin/teams")
                .then().statusCode(400).body("data.errors.field", containsInAnyOrder("name", "funds"));
    }

    @Test
    void facilitiesOccupyOneTileEachAndProvidersNeedPriceAndCapacity() {
        String team = game.team("Owls", "0");
        game.asTeacher().body(Map.of("teamId", team, "name", "North mine", "type", "MINE", "q", 3, "r", 4,
                "storageCapacity", "100")).post("/api/facility/admin/facilities").then().statusCode(201)
                .body("data.location.q", equalTo(3)).body("data.availableSpace", is("100"));
        game.asTeacher().body(Map.of("teamId", team, "name", "Second", "type", "FARM", "q", 3, "r", 4))
                .post("/api/facility/admin/facilities").then().statusCode(409).body("businessCode", equalTo(4090));
        game.asTeacher().body(Map.of("teamId", team, "name", "Well", "type", "WATER", "q", 5, "r", 4))
                .post("/api/facility/admin/facilities").then().statusCode(400)
                .body("data.errors.field", containsInAnyOrder("unitPrice", "capacity"));
        game.asTeacher().body(Map.of("teamId", team, "name", "Odd", "type", "CASTLE", "q", 6, "r", 4))
                .post("/api/facility/admin/facilities").then().statusCode(400)
                .body("data.errors.field", contains("type"));
        game.asTeacher().queryParam("type", "MINE").get("/api/facility/admin/facilities").then().statusCode(200)
                .body("data.facilities", hasSize(1));
    }

    @Test
    void connectionsLinkProducersToProvidersOfTheRightKind() {
        String team = game.team("Owls", "0");
        String farm = game.facility(team, "FARM", "10");
        String mine = game.facility(team, "MINE", "10");
        String well = game.provider(team, "WATER", "1.00", "10");
        game.asTeacher().body(Map.of("facilityId", farm, "providerId", mine))
                .post("/api/facility/admin/connections").then().statusCode(400)
                .body("data.errors.field", contains("providerId"));
        game.asTeacher().body(Map.of("facilityId", well, "providerId", well))
                .post("/api/facility/admin/connections").then().statusCode(400)
                .body("data.errors.field", contains("facilityId"));
        game.connect(farm, well);
        String otherWell = game.provider(team, "WATER", "2.00", "10");
        game.asTeacher().body(Map.of("facilityId", farm, "providerId", otherWell))
                .post("/api/facility/admin/connections").then().statusCode(200)
                .body("data.providerId", equalTo(otherWell)).body("data.resourceType", equalTo("WATER"));
        game.asTeacher().get("/api/facility/admin/facilities/" + farm + "/connections").then().statusCode(200)
                .body("data.connections", hasSize(1));
        game.asTeacher().body(Map.of("active", false))
                .patch("/api/facility/admin/connections/" + UUID.randomUUID()).then().statusCode(404)
                .body("businessCode", equalTo(4043));
    }

    @Test
    void studentsCannotAdministerAndOtherTenantsSeeNothing() {
        String team = game.team("Owls", "0");
        game.as(game.student(team)).body(Map.of("name", "Hackers", "funds", "1000000"))
                .post("/api/facility/admin/teams").then().statusCode(403)
                .body("success", equalTo(false)).body("businessCode", equalTo(4030));
        game.as(game.student(team)).body(Map.of("amount", "1000")).post("/api/facility/admin/teams/" + team + "/funds")
                .then().statusCode(403);
        Game other = new Game();
        other.asTeacher().get("/api/facility/admin/teams/" + team).then().statusCode(404)
                .body("businessCode", equalTo(4042));
        other.asTeacher().get("/api/facility/admin/teams").then().statusCode(200)
                .body("data.teams", hasSize(0));
        game.asTeacher().get("/api/facility/admin/teams/not-a-uuid").then().statusCode(400)
                .body("businessCode", equalTo(4001)).body("data.errors.field", contains("teamId"));
    }
}
