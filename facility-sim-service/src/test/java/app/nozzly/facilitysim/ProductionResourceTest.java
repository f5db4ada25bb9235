package app.nozzly.facilitysim;

import static app.nozzly.facilitysim.Game.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** specs/004 sections 1 to 5 as a student team and its teacher use them. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@ExtendWith(DecimalsAsBigDecimal.class)
class ProductionResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Game game;
    private Game.Farm plant;

    @BeforeEach
    void farmWithWaterAndPower() {
        game = new Game();
        plant = game.farm("Farmers", "1000.00", "500", "0.33", "0.47", "10000");
    }

    @Test
    void produceConsumesWaterAndPowerPaysTheProviderAndAnswersTheSpecShape() {
        game.as(game.student(plant.team())).body(Game.produce(plant.farm(), Game.WHEAT, 2.5))
                .queryParam("lang", "en")
                .post("/api/facility/production/produce")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("businessCode", equalTo(2000))
                .body("message", equalTo("Materials produced successfully"))
                .body("data.productionId", notNullValue())
                .body("data.productionNumber", startsWith("PRD-"))
                .body("data.status", equalTo("SUCCESS"))
                .body("data.facility.id", equalTo(plant.farm()))
                .body("data.facility.type", equalTo("FARM"))
                .body("data.facility.level", equalTo(2))
                .body("data.material.number", equalTo(401))
                .body("data.material.name", equalTo("Wheat"))
                .body("data.material.quantity", is("2.5"))
                .body("data.resources.water.consumed", is("25"))
                .body("data.resources.water.unitPrice", is("0.33"))
                .body("data.resources.water.totalCost", is("8.25"))
                .body("data.resources.water.provider.facilityId", equalTo(plant.water()))
                .body("data.resources.water.provider.teamId", equalTo(plant.utility()))
                .body("data.resources.water.provider.teamName", equalTo("Utility Co"))
                .body("data.resources.power.consumed", is("5"))
                .body("data.resources.power.totalCost", is("2.35"))
                .body("data.resources.power.provider.facilityId", equalTo(plant.power()))
                .body("data.costs.waterCost", is("8.25"))
                .body("data.costs.powerCost", is("2.35"))
                .body("data.costs.materialBaseCost", is("7.50"))
                .body("data.costs.totalCost", is("18.10"))
                .body("data.spaceUsed", is("5"))
                .body("data.producedAt", notNullValue())
                .body("data.transactions.type", contains("WATER", "POWER"))
                .body("data.transactions.amount", contains(is("8.25"), is("2.35")));

        assertThat(new BigDecimal(game.teamView(plant.team()).getString("data.funds"))).isEqualByComparingTo("981.90");
        assertThat(new BigDecimal(game.teamView(plant.utility()).getString("data.funds")))
                .isEqualByComparingTo("10.60");
        assertThat(new BigDecimal(game.facilityView(plant.farm()).getString("data.spaceUsed")))
                .isEqualByComparingTo("5");
        assertThat(new BigDecimal(game.facilityView(plant.water()).getString("data.supply.usedThisPeriod")))
                .isEqualByComparingTo("25");
    }

    @Test
    void repeatedProductionCombinesIntoOneInventoryItemWithWeightedAverageCost() {
        String student = game.student(plant.team());
        game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 10)).post("/api/facility/production/produce")
                .then().statusCode(200).body("data.costs.totalCost", is("72.40"));
        game.asTeacher().body(Map.of("unitPrice", "1.00")).patch("/api/facility/admin/facilities/" + plant.water())
                .then().statusCode(200);
        game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 30)).post("/api/facility/production/produce")
                .then().statusCode(200).body("data.costs.totalCost", is("418.20"))
                .body("data.spaceUsed", is("60"));

        game.as(student).get("/api/facility/inventory").then().statusCode(200)
                .body("data.items", hasSize(1))
                .body("data.items[0].material.number", equalTo(401))
                .body("data.items[0].quantity", is("40"))
                .body("data.items[0].totalValue", is("490.60"))
                .body("data.items[0].unitCost", is("12.27"))
                .body("data.items[0].spaceUsed", is("80"))
                .body("data.items[0].metadata.productionHistory", hasSize(2))
                .body("data.items[0].metadata.productionHistory.quantity", contains(is("10"), is("30")));
        assertThat(new BigDecimal(game.facilityView(plant.farm()).getString("data.spaceUsed")))
                .isEqualByComparingTo("80");
    }

    @Test
    void estimateAgreesWithProduceToTheCentAndChangesNothing() throws Exception {
        String student = game.student(plant.team());
        JsonPath estimate = game.as(student).body(Game.produce(plant.farm(), Game.RICE, "7.125"))
                .post("/api/facility/production/estimate")
                .then().statusCode(200).body("businessCode", equalTo(2000))
                .body("data.feasible", equalTo(true)).body("data.issues", hasSize(0))
                .extract().jsonPath();
        assertThat(new BigDecimal(game.teamView(plant.team()).getString("data.funds"))).isEqualByComparingTo("1000");
        game.as(student).get("/api/facility/production").then().body("data.productions", hasSize(0));

        JsonPath produced = game.as(student).body(Game.produce(plant.farm(), Game.RICE, "7.125"))
                .post("/api/facility/production/produce").then().statusCode(200).extract().jsonPath();

        for (String cost : List.of("waterCost", "powerCost", "materialBaseCost", "totalCost")) {
            assertThat(new BigDecimal(estimate.getString("data.costs." + cost)))
                    .as(cost).isEqualTo(new BigDecimal(produced.getString("data.costs." + cost)));
        }
        for (String resource : List.of("water", "power")) {
            assertThat(estimate.getString("data.requirements." + resource + ".needed"))
                    .isEqualTo(produced.getString("data.resources." + resource + ".consumed"));
            assertThat(estimate.getString("data.requirements." + resource + ".unitPrice"))
                    .isEqualTo(produced.getString("data.resources." + resource + ".unitPrice"));
            assertThat(estimate.getString("data.requirements." + resource + ".totalCost"))
                    .isEqualTo(produced.getString("data.resources." + resource + ".totalCost"));
            assertThat(estimate.getMap("data.requirements." + resource + ".provider"))
                    .isEqualTo(produced.getMap("data.resources." + resource + ".provider"));
        }
        assertThat(estimate.getString("data.requirements.space.needed")).isEqualTo(produced.getString("data.spaceUsed"));
        BigDecimal total = new BigDecimal(produced.getString("data.costs.totalCost"));
        assertThat(new BigDecimal(game.teamView(plant.team()).getString("data.funds")))
                .isEqualByComparingTo(new BigDecimal("1000").subtract(total));
        assertThat(new BigDecimal(estimate.getString("data.costs.costPerUnit")))
                .isEqualByComparingTo(total.divide(new BigDecimal("7.125"), 2, RoundingMode.HALF_UP));
    }

    @Test
    void estimateListsEveryBlockingIssueWithoutRefusing() {
        String poor = game.team("Poor", "1.00");
        String field = game.facility(poor, "FARM", "1");
        game.connect(field, plant.water());
        game.as(game.student(poor)).body(Game.produce(field, Game.WHEAT, 10)).header("Accept-Language", "en")
                .post("/api/facility/production/estimate")
                .then().statusCode(200)
                .body("data.feasible", equalTo(false))
                .body("data.issues", contains("No active power connection",
                        "Insufficient funds: 63.00 needed, 1.00 available",
                        "Insufficient storage space: 20.000 needed, 1.000 available"))
                .body("data.requirements.water.available", equalTo(true))
                .body("data.requirements.power.available", equalTo(false))
                .body("data.requirements.power.provider", nullValue())
                .body("data.requirements.funds.sufficient", equalTo(false))
                .body("data.requirements.space.sufficient", equalTo(false));
    }

    @Test
    void historyRecordAndTransactionsShowWhatWasProduced() {
        String student = game.student(plant.team());
        String first = game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 2.5))
                .post("/api/facility/production/produce").then().statusCode(200).extract().path("data.productionId");
        game.as(student).body(Game.produce(plant.farm(), Game.RICE, 1)).post("/api/facility/production/produce")
                .then().statusCode(200);

        game.as(student).get("/api/facility/production/" + first).then().statusCode(200)
                .body("message", equalTo("生产记录获取成功"))
                .body("data.id", equalTo(first))
                .body("data.status", equalTo("SUCCESS"))
                .body("data.failureReason", nullValue())
                .body("data.material.name", equalTo("小麦"))
                .body("data.material.origin", equalTo("FARM"))
                .body("data.facility.location.q", notNullValue())
                .body("data.resourcesConsumed.water", is("25"))
                .body("data.resourcesConsumed.power", is("5"))
                .body("data.costs.totalCost", is("18.10"))
                .body("data.spaceUsed", is("5"));

        game.as(student).queryParam("limit", 1).queryParam("sortOrder", "asc")
                .get("/api/facility/production").then().statusCode(200)
                .body("data.productions", hasSize(1))
                .body("data.productions[0].id", equalTo(first))
                .body("data.productions[0].facility.type", equalTo("FARM"))
                .body("data.productions[0].totalCost", is("18.10"))
                .body("data.pagination.currentPage", equalTo(1))
                .body("data.pagination.totalPages", equalTo(2))
                .body("data.pagination.totalItems", equalTo(2))
                .body("data.pagination.itemsPerPage", equalTo(1))
                .body("data.pagination.hasNext", equalTo(true))
                .body("data.pagination.hasPrevious", equalTo(false));
        game.as(student).queryParam("facilityId", plant.farm()).queryParam("status", "FAILED")
                .get("/api/facility/production").then().statusCode(200).body("data.productions", hasSize(0));
        game.as(student).queryParam("startDate", "2000-01-01").queryParam("endDate", "2000-12-31")
                .get("/api/facility/production").then().statusCode(200).body("data.pagination.totalItems",
                        equalTo(0));

        game.as(student).queryParam("resourceType", "WATER").get("/api/facility/transactions").then()
                .statusCode(200)
                .body("data.transactions", hasSize(2))
                .body("data.transactions.role", contains("CONSUMER", "CONSUMER"))
                .body("data.transactions.counterparty.teamName", contains("Utility Co", "Utility Co"))
                .body("data.summary.totalTransactions", equalTo(2))
                .body("data.summary.byType.water.count", equalTo(2))
                .body("data.summary.byType.power.count", equalTo(0));
        game.as(game.student(plant.utility())).get("/api/facility/transactions").then().statusCode(200)
                .body("data.transactions", hasSize(4))
                .body("data.transactions.role", contains("PROVIDER", "PROVIDER", "PROVIDER", "PROVIDER"))
                .body("data.summary.totalAmount", is("16.49"))
                .body("data.summary.byType.water.amount", is("13.20"))
                .body("data.summary.byType.power.amount", is("3.29"))
                .body("data.pagination.totalItems", equalTo(4));
        game.as(student).get("/api/facility/transactions").then()
                .body("data.summary.totalAmount", is("16.49"));
    }

    @Test
    void productionAndBothSidesOfEverySalePublishEventsKeyedByTeam() throws Exception {
        String productionId = game.as(game.student(plant.team())).body(Game.produce(plant.farm(), Game.WHEAT, 2.5))
                .post("/api/facility/production/produce").then().statusCode(200).extract().path("data.productionId");

        List<ConsumerRecord<String, String>> completed = KafkaTopics.await("facility.events",
                r -> plant.team().equals(r.key()) && r.value().contains("facility.production.completed"), 1,
                Duration.ofSeconds(30));
        assertThat(completed).hasSize(1);
        JsonNode event = JSON.readTree(completed.get(0).value());
        assertThat(event.get("tenant").asText()).isEqualTo(game.tenant);
        assertThat(event.get("data").get("productionId").asText()).isEqualTo(productionId);
        assertThat(event.get("data").get("totalCost").decimalValue()).isEqualByComparingTo("18.10");

        List<ConsumerRecord<String, String>> sales = KafkaTopics.await("facility.events",
                r -> (plant.team().equals(r.key()) || plant.utility().equals(r.key()))
                        && r.value().contains("facility.resource.transaction"), 4, Duration.ofSeconds(30));
        assertThat(sales).hasSize(4);
        List<String> sides = sales.stream().map(r -> r.key() + ":" + read(r).get("data").get("role").asText()
                + ":" + read(r).get("data").get("resourceType").asText()).toList();
        assertThat(sides).containsExactlyInAnyOrder(plant.team() + ":CONSUMER:WATER", plant.team() + ":CONSUMER:POWER",
                plant.utility() + ":PROVIDER:WATER", plant.utility() + ":PROVIDER:POWER");
    }

    @Test
    void sameRecordInEnglishAndChineseDiffersOnlyInNamesAndMessages() throws Exception {
        String student = game.student(plant.team());
        String id = game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 3))
                .post("/api/facility/production/produce").then().statusCode(200).extract().path("data.productionId");

        JsonNode en = JSON.readTree(game.as(student).header("x-lang", "en")
                .get("/api/facility/production/" + id).asString());
        JsonNode zh = JSON.readTree(game.as(student).header("Accept-Language", "zh-CN,zh;q=0.9")
                .get("/api/facility/production/" + id).asString());
        assertThat(en.get("message").asText()).isEqualTo("Production record retrieved");
        assertThat(zh.get("message").asText()).isEqualTo("生产记录获取成功");
        assertThat(en.at("/data/material/name").asText()).isEqualTo("Wheat");
        assertThat(zh.at("/data/material/name").asText()).isEqualTo("小麦");
        assertThat(withoutTexts(en)).isEqualTo(withoutTexts(zh));

        Map<String, Object> body = Game.produce(plant.farm(), Game.IRON_ORE, 1000);
        JsonNode enEstimate = JSON.readTree(game.as(student).body(body).queryParam("lang", "en")
                .post("/api/facility/production/estimate").asString());
        JsonNode zhEstimate = JSON.readTree(game.as(student).body(body)
                .post("/api/facility/production/estimate").asString());
        assertThat(enEstimate.at("/data/issues/0").asText()).startsWith("Iron Ore requires a MINE facility");
        assertThat(zhEstimate.at("/data/issues/0").asText()).startsWith("铁矿石 需要 MINE 设施");
        ((ObjectNode) enEstimate.get("data")).remove("issues");
        ((ObjectNode) zhEstimate.get("data")).remove("issues");
        assertThat(withoutTexts(enEstimate)).isEqualTo(withoutTexts(zhEstimate));
    }

    @Test
    void studentsSeeOnlyTheirOwnTeamAndTeachersSeeAll() {
        String student = game.student(plant.team());
        String id = game.as(student).body(Game.produce(plant.farm(), Game.WHEAT, 1))
                .post("/api/facility/production/produce").then().statusCode(200).extract().path("data.productionId");
        String outsider = game.student(plant.utility());
        game.as(outsider).get("/api/facility/production/" + id).then().statusCode(404)
                .body("businessCode", equalTo(4006));
        game.as(outsider).queryParam("teamId", plant.team()).get("/api/facility/production").then().statusCode(403)
                .body("businessCode", equalTo(4030));
        game.asTeacher().get("/api/facility/production/" + id).then().statusCode(200);
        game.asTeacher().queryParam("teamId", plant.team()).get("/api/facility/production").then().statusCode(200)
                .body("data.productions.id", containsInAnyOrder(id));
        game.asTeacher().body(Game.produce(plant.farm(), Game.WHEAT, 1)).post("/api/facility/production/produce")
                .then().statusCode(403).body("success", equalTo(false)).body("businessCode", equalTo(4030));
        Game other = new Game();
        game.as(other.student(plant.team())).get("/api/facility/production/" + id).then().statusCode(404)
                .body("businessCode", equalTo(4006));
    }

    private static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode withoutTexts(JsonNode response) {
        ObjectNode copy = response.deepCopy();
        copy.remove("message");
        JsonNode material = copy.at("/data/material");
        if (material.isObject()) {
            ((ObjectNode) material).remove("name");
        }
        return copy;
    }
}
