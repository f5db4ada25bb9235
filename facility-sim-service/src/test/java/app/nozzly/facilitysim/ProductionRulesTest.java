package app.nozzly.facilitysim;

import static app.nozzly.facilitysim.Game.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every business code of specs/004 "Error Codes" that a request can provoke, each leaving the state unchanged. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@ExtendWith(DecimalsAsBigDecimal.class)
class ProductionRulesTest {

    private static final String PRODUCE = "/api/facility/production/produce";

    private Game game;
    private Game.Farm plant;
    private String student;

    @BeforeEach
    void farmWithWaterAndPower() {
        game = new Game();
        plant = game.farm("Farmers", "100.00", "50", "0.50", "0.50", "1000");
        student = game.student(plant.team());
    }

    @Test
    void produceRejectsNonPositiveQuantityWith4001() {
        for (Object quantity : new Object[] { 0, -5, "0.0001" }) {
            game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, quantity)).queryParam("lang", "en")
                    .post(PRODUCE)
                    .then().statusCode(400)
                    .body("success", equalTo(false))
                    .body("businessCode", equalTo(4001))
                    .body("message", equalTo("Validation failed"))
                    .body("data.errors.field", contains("quantity"));
        }
        game.as(student).body(Map.of("rawMaterialId", 28)).post(PRODUCE).then().statusCode(400)
                .body("businessCode", equalTo(4001))
                .body("message", equalTo("验证失败"))
                .body("data.errors.field", containsInAnyOrder("facilityId", "quantity"));
        game.as(student)
                .body("{\"facilityId\": \"" + plant.farm() + "\", \"rawMaterialId\": \"wheat\", \"quantity\": 1}")
                .queryParam("lang", "en").post(PRODUCE).then().statusCode(400).body("businessCode", equalTo(4001))
                .body("data.errors.field", contains("rawMaterialId"))
                .body("data.errors.reason", contains("must be an integer"));
        game.as(student).body("{not json").post(PRODUCE).then().statusCode(400).body("businessCode", equalTo(4001))
                .body("data.errors.field", contains("body"));
        assertNothingChanged();
    }

    @Test
    void produceRejectsUnknownMaterialWith4404() {
        game.as(student).body(Game.produce(plant.farm(), 999_999, 1)).post(PRODUCE).then().statusCode(404)
                .body("businessCode", equalTo(4404)).body("message", equalTo("原材料不存在"))
                .body("data", nullValue());
        assertNothingChanged();
    }

    @Test
    void produceRejectsProviderFacilityWith4005() {
        String ownWell = game.provider(plant.team(), "WATER", "0.10", "100");
        game.as(student).body(Game.produce(ownWell, Game.WHEAT, 1)).post(PRODUCE).then().statusCode(400)
                .body("businessCode", equalTo(4005)).body("data.facilityType", equalTo("WATER"));
        assertNothingChanged();
    }

    @Test
    void produceRejectsMaterialOfAnotherOriginWith4009() {
        game.as(student).body(Game.produce(plant.farm(), Game.IRON_ORE, 1)).post(PRODUCE).then().statusCode(400)
                .body("businessCode", equalTo(4009))
                .body("data.facilityType", equalTo("FARM"))
                .body("data.requiredFacilityType", equalTo("MINE"));
        assertNothingChanged();
    }

    @Test
    void produceRequiresActiveWaterAndPowerConnectionsWith4003() {
        String bareField = game.facility(plant.team(), "FARM", "50");
        game.as(student).body(Game.produce(bareField, Game.WHEAT, 1)).post(PRODUCE).then().statusCode(409)
                .body("businessCode", equalTo(4003)).body("data.missing", contains("WATER", "POWER"));

        String line = game.asTeacher().get("/api/facility/admin/facilities/" + plant.farm() + "/connections")
                .then().statusCode(200).extract().path("data.connections.find { it.resourceType == 'POWER' }.id");
        game.asTeacher().body(Map.of("active", false)).patch("/api/facility/admin/connections/" + line)
                .then().statusCode(200).body("data.active", equalTo(false));
        game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 1)).post(PRODUCE).then().statusCode(409)
                .body("businessCode", equalTo(4003)).body("data.missing", contains("POWER"));
        assertNothingChanged();
    }

    @Test
    void produceRefusesWhenFundsDoNotCoverTheCostWith4002() {
        // wheat x 10: water 100 x 0.50 + power 20 x 0.50 + gold 30.00 = 90.00 of 100.00; twice is too much
        game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 10)).post(PRODUCE).then().statusCode(200);
        game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 10)).post(PRODUCE).then().statusCode(402)
                .body("businessCode", equalTo(4002))
                .body("message", equalTo("资源不足"))
                .body("data.required.funds", is("90.00"))
                .body("data.required.space", is("20"))
                .body("data.available.funds", is("10.00"))
                .body("data.available.space", is("30"));
        assertThat(funds(plant.team())).isEqualByComparingTo("10.00");
        assertThat(funds(plant.utility())).isEqualByComparingTo("60.00");
    }

    @Test
    void produceRefusesWhenStorageIsFullWith4004() {
        // wheat takes 2 carbon units of space per unit: 26 units need 52 of the farm's 50
        game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 1)).post(PRODUCE).then().statusCode(200);
        game.asTeacher().body(Map.of("amount", "1000")).post("/api/facility/admin/teams/" + plant.team() + "/funds")
                .then().statusCode(200);
        game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 25)).post(PRODUCE).then().statusCode(409)
                .body("businessCode", equalTo(4004))
                .body("data.required.space", is("50"))
                .body("data.available.space", is("48"));
        game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 24)).post(PRODUCE).then().statusCode(200)
                .body("data.spaceUsed", is("48"));
        game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, "0.001")).post(PRODUCE).then().statusCode(409)
                .body("businessCode", equalTo(4004));
    }

    @Test
    void produceRefusesWhenTheProviderHasNoCapacityLeftWith4008() {
        game.asTeacher().body(Map.of("capacity", "30")).patch("/api/facility/admin/facilities/" + plant.water())
                .then().statusCode(200).body("data.supply.capacity", is("30"));
        game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 2)).post(PRODUCE).then().statusCode(200);
        game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 2)).queryParam("lang", "en").post(PRODUCE)
                .then().statusCode(409)
                .body("businessCode", equalTo(4008))
                .body("message", equalTo("Provider capacity exceeded"))
                .body("data.resourceType", equalTo("WATER"))
                .body("data.requested", is("20"))
                .body("data.remaining", is("10"))
                .body("data.providerFacilityId", equalTo(plant.water()));
        game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 1)).post(PRODUCE).then().statusCode(200);
        game.asTeacher().get("/api/facility/admin/facilities/" + plant.water()).then()
                .body("data.supply.usedThisPeriod", is("30"));
    }

    @Test
    void produceAtAnotherTeamsFacilityIsForbiddenWith4030() {
        String rivals = game.team("Rivals", "100.00");
        String rivalFarm = game.facility(rivals, "FARM", "50");
        game.connect(rivalFarm, plant.water());
        game.connect(rivalFarm, plant.power());
        game.as(student).body(Game.produce(rivalFarm, Game.WHEAT, 1)).post(PRODUCE).then().statusCode(403)
                .body("businessCode", equalTo(4030)).body("data.errors.field", contains("facilityId"));
        game.as(student).body(Game.produce(UUID.randomUUID().toString(), Game.WHEAT, 1)).post(PRODUCE)
                .then().statusCode(404).body("businessCode", equalTo(4041));
        assertThat(funds(rivals)).isEqualByComparingTo("100.00");
        assertNothingChanged();
    }

    @Test
    void studentTokenWithoutTeamMayNotProduce() {
        game.as(TestTokens.bearer(game.tenant, "student"))
                .body(Game.produce(plant.farm(), Game.WHEAT, 1)).post(PRODUCE).then().statusCode(403)
                .body("businessCode", equalTo(4030)).body("data.errors.field", contains("team_id"));
    }

    @Test
    void unknownProductionRecordIs4006() {
        game.as(student).get("/api/facility/production/" + UUID.randomUUID()).then().statusCode(404)
                .body("businessCode", equalTo(4006)).body("data", nullValue());
        game.as(student).get("/api/facility/production/not-an-id").then().statusCode(400)
                .body("businessCode", equalTo(4001)).body("data.errors.field", contains("productionId"));
    }

    @Test
    void listParametersOutOfRangeAre4001() {
        game.as(student).queryParam("limit", 101).get("/api/facility/production").then().statusCode(400)
                .body("businessCode", equalTo(4001)).body("data.errors.field", contains("limit"));
        for (Map.Entry<String, String> bad : Map.of("page", "x", "sortBy", "color", "startDate", "yesterday",
                "endDate", "2025-13-01", "teamId", "team-1", "status", "DONE").entrySet()) {
            game.as(student).queryParam(bad.getKey(), bad.getValue()).get("/api/facility/production").then()
                    .statusCode(400).body("businessCode", equalTo(4001))
                    .body("data.errors.field", contains(bad.getKey()));
        }
        for (Map.Entry<String, String> bad : Map.of("resourceType", "GAS", "transactionType", "BUYER").entrySet()) {
            game.as(student).queryParam(bad.getKey(), bad.getValue()).get("/api/facility/transactions").then()
                    .statusCode(400).body("data.errors.field", contains(bad.getKey()));
        }
        game.as(student).queryParam("sortBy", "totalcost").queryParam("sortOrder", "ASC")
                .get("/api/facility/production").then().statusCode(200);
    }

    private BigDecimal funds(String team) {
        return new BigDecimal(game.teamView(team).getString("data.funds"));
    }

    private void assertNothingChanged() {
        assertThat(funds(plant.team())).isEqualByComparingTo("100.00");
        assertThat(funds(plant.utility())).isEqualByComparingTo("0");
        game.as(student).get("/api/facility/production").then().body("data.pagination.totalItems", equalTo(0));
        game.as(student).get("/api/facility/transactions").then().body("data.pagination.totalItems", equalTo(0));
        game.as(student).get("/api/facility/inventory").then().body("data.pagination.totalItems", equalTo(0));
        assertThat(new BigDecimal(game.facilityView(plant.farm()).getString("data.spaceUsed")))
                .isEqualByComparingTo("0");
    }
}
