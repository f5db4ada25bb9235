package app.nozzly.facilitysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a client chooses (a team's name, a facility's tile) is unique per tenant, never globally; ids are the
 * service's own, and an id of another tenant names nothing here, whoever sends it and however (path, body, claim).
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class TenancyTest {

    private static String place(Game game, String team, String name) {
        return game.asTeacher().body(Map.of("teamId", team, "name", name, "type", "FARM", "q", 0, "r", 0,
                "storageCapacity", "100")).post("/api/facility/admin/facilities").then().statusCode(201)
                .extract().path("data.id");
    }

    @Test
    void twoTenantsMayUseTheSameTeamNameAndTileAndEachChangesOnlyItsOwn() {
        Game school = new Game();
        Game other = new Game();
        String owls = school.team("Owls", "10.00");
        String otherOwls = other.team("Owls", "20.00");
        String farm = place(school, owls, "Home");
        String otherFarm = place(other, otherOwls, "Home");

        school.asTeacher().get("/api/facility/admin/teams").then().body("data.teams.id", contains(owls));
        other.asTeacher().get("/api/facility/admin/teams").then().body("data.teams.id", contains(otherOwls));
        other.asTeacher().get("/api/facility/admin/facilities").then().body("data.facilities.id", contains(otherFarm));

        school.asTeacher().body(Map.of("amount", "5")).post("/api/facility/admin/teams/" + owls + "/funds").then()
                .statusCode(200);
        school.asTeacher().body(Map.of("name", "Renamed", "storageCapacity", "300"))
                .patch("/api/facility/admin/facilities/" + farm).then().statusCode(200);
        assertThat(new BigDecimal(school.teamView(owls).getString("data.funds"))).isEqualByComparingTo("15.00");
        assertThat(new BigDecimal(other.teamView(otherOwls).getString("data.funds"))).isEqualByComparingTo("20.00");
        assertThat(other.facilityView(otherFarm).getString("data.name")).isEqualTo("Home");
        assertThat(new BigDecimal(other.facilityView(otherFarm).getString("data.storageCapacity")))
                .isEqualByComparingTo("100");
    }

    @Test
    void anotherTenantsIdsNameNothing() {
        Game school = new Game();
        Game other = new Game();
        String owls = school.team("Owls", "1000.00");
        String utility = school.team("Utility", "0");
        String farm = school.facility(owls, "FARM", "100");
        String well = school.provider(utility, "WATER", "0.10", "1000");
        String line = school.connect(farm, well);
        school.connect(farm, school.provider(utility, "POWER", "0.10", "1000"));
        String production = school.as(school.student(owls)).body(Game.produce(farm, Game.WHEAT, 1))
                .post("/api/facility/production/produce").then().statusCode(200).extract().path("data.productionId");

        other.asTeacher().get("/api/facility/admin/teams/" + owls).then().statusCode(404)
                .body("businessCode", equalTo(4042));
        other.asTeacher().body(Map.of("amount", "1000")).post("/api/facility/admin/teams/" + owls + "/funds").then()
                .statusCode(404).body("businessCode", equalTo(4042));
        other.asTeacher().body(Map.of("level", 9)).patch("/api/facility/admin/facilities/" + farm).then()
                .statusCode(404).body("businessCode", equalTo(4041));
        other.asTeacher().body(Map.of("active", false)).patch("/api/facility/admin/connections/" + line).then()
                .statusCode(404).body("businessCode", equalTo(4043));
        String otherTeam = other.team("Raiders", "0");
        other.asTeacher().body(Map.of("teamId", owls, "name", "Squat", "type", "MINE", "q", 5, "r", 5))
                .post("/api/facility/admin/facilities").then().statusCode(404).body("businessCode", equalTo(4042));
        String otherFarm = other.facility(otherTeam, "FARM", "10");
        other.asTeacher().body(Map.of("facilityId", otherFarm, "providerId", well))
                .post("/api/facility/admin/connections").then().statusCode(404).body("businessCode", equalTo(4041));
        other.asTeacher().get("/api/facility/production/" + production).then().statusCode(404)
                .body("businessCode", equalTo(4006));

        // a student of the other tenant whose token claims the first tenant's team
        String intruder = other.student(owls);
        other.as(intruder).body(Game.produce(farm, Game.WHEAT, 1)).post("/api/facility/production/produce").then()
                .statusCode(404).body("businessCode", equalTo(4041));
        other.as(intruder).get("/api/facility/production").then().statusCode(200).body("data.productions", hasSize(0));
        other.as(intruder).get("/api/facility/inventory").then().statusCode(200).body("data.items", hasSize(0));

        assertThat(new BigDecimal(school.teamView(owls).getString("data.funds"))).isLessThan(new BigDecimal("1000"));
        school.asTeacher().get("/api/facility/production").then().body("data.pagination.totalItems", equalTo(1));
        school.asTeacher().get("/api/facility/admin/facilities/" + farm + "/connections").then()
                .body("data.connections.active", contains(true, true));
        assertThat(school.facilityView(farm).getInt("data.level")).isEqualTo(2);
    }
}
