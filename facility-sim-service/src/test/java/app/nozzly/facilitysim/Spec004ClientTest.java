package app.nozzly.facilitysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client written from specs/004 alone. Only what the spec leaves open (teams, facilities, providers and their
 * connections) is set up through the administration API; everything else is the spec's own calls: the catalogue
 * and a material's details, an estimate, instant production, each record, the history, the transactions of both
 * sides and the team's combined inventory, every list read page by page to its end, and another school sees none.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class Spec004ClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Long> FARM_MATERIALS = List.of(28L, 29L, 30L, 31L, 32L, 33L);
    private static final int PRODUCTIONS = 13;

    private final Game game = new Game();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    private static void assertSuccess(JsonNode body) {
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("businessCode").asInt()).isEqualTo(2000);
    }

    /**
     * Every entry of a specs/004 list, read with page and limit from page 1 until its pagination says there is no
     * next page; checks that pagination on every page.
     */
    private List<JsonNode> all(String bearer, String path, String listField, int limit) {
        List<JsonNode> found = new ArrayList<>();
        long totalItems;
        int totalPages;
        int page = 0;
        boolean hasNext;
        do {
            page++;
            JsonNode body = json(game.as(bearer).get(path + (path.contains("?") ? "&" : "?") + "page=" + page
                    + "&limit=" + limit).then().statusCode(200).extract().asString());
            assertSuccess(body);
            JsonNode pagination = body.path("data").path("pagination");
            totalItems = pagination.path("totalItems").asLong();
            totalPages = pagination.path("totalPages").asInt();
            assertThat(pagination.path("currentPage").asInt()).isEqualTo(page);
            assertThat(pagination.path("itemsPerPage").asInt()).isEqualTo(limit);
            assertThat(totalPages).isEqualTo((int) ((totalItems + limit - 1) / limit));
            JsonNode items = body.path("data").path(listField);
            assertThat(items.size()).isEqualTo((int) Math.min(limit, Math.max(0, totalItems - (page - 1L) * limit)));
            items.forEach(found::add);
            // the transactions list names no hasNext: its client goes by totalPages
            hasNext = pagination.has("hasNext") ? pagination.path("hasNext").asBoolean() : page < totalPages;
            assertThat(hasNext).isEqualTo(page < totalPages);
            if (pagination.has("hasPrevious")) {
                assertThat(pagination.path("hasPrevious").asBoolean()).isEqualTo(page > 1);
            }
        } while (hasNext);
        assertThat(found).hasSize((int) totalItems);
        return found;
    }

    private static List<String> ids(List<JsonNode> items, String field) {
        return items.stream().map(i -> i.path(field).asText()).toList();
    }

    private static BigDecimal sum(List<JsonNode> items, String field) {
        return items.stream().map(i -> i.path(field).decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aClientThatKnowsOnlySpecs004CallsProducesAndReadsEverythingBack() {
        // setup the spec leaves open
        Game.Farm plant = game.farm("Farmers", "5000.00", "10000", "0.30", "0.50", "100000");
        String farmers = plant.team();
        String utility = plant.utility();
        String farm = plant.farm();
        String water = plant.water();
        String power = plant.power();
        String student = game.student(farmers);
        String seller = game.student(utility);

        // section 6: the whole catalogue and the FARM part of it, page by page
        List<JsonNode> catalogue = all(student, "/api/facility/raw-materials?lang=en", "materials", 7);
        assertThat(ids(catalogue, "id")).doesNotHaveDuplicates();
        JsonNode firstPage = json(game.as(student).get("/api/facility/raw-materials?lang=en").then().statusCode(200)
                .extract().asString()).path("data");
        assertThat(firstPage.path("summary").path("totalMaterials").asLong()).isEqualTo(catalogue.size());
        List<JsonNode> farmCatalogue = all(student, "/api/facility/raw-materials?origin=FARM&lang=en", "materials", 4);
        assertThat(farmCatalogue).allSatisfy(m -> {
            assertThat(m.path("origin").asText()).isEqualTo("FARM");
            assertThat(m.path("requiredFacilityType").asText()).isEqualTo("FARM");
        });
        assertThat(farmCatalogue).hasSize(firstPage.path("summary").path("byOrigin").path("FARM").asInt());
        assertThat(farmCatalogue.stream().map(m -> m.path("id").asLong()).toList()).containsAll(FARM_MATERIALS);
        assertThat(farmCatalogue.stream().map(m -> m.path("materialNumber").asInt()).toList()).isSorted();
        assertThat(all(student, "/api/facility/raw-materials?search=" + "小麦", "materials", 50))
                .extracting(m -> m.path("id").asLong()).containsExactly(Game.WHEAT);

        // section 7: one material, in both languages
        game.as(student).get("/api/facility/raw-materials/" + Game.WHEAT + "?lang=en").then().statusCode(200)
                .body("businessCode", equalTo(2000)).body("data.name", equalTo("Wheat"))
                .body("data.origin", equalTo("FARM")).body("data.requiredFacilityType", equalTo("FARM"))
                .body("data.requiredConnections", contains("WATER", "POWER"))
                .body("data.examples.small.quantity", equalTo(10)).body("data.examples.medium.quantity", equalTo(100))
                .body("data.examples.large.quantity", equalTo(500));
        game.as(student).header("x-lang", "zh").get("/api/facility/raw-materials/" + Game.WHEAT).then()
                .statusCode(200).body("data.name", equalTo("小麦"));
        game.as(student).get("/api/facility/raw-materials/999999").then().statusCode(404)
                .body("success", equalTo(false)).body("businessCode", equalTo(4404)).body("data", nullValue());

        // section 4: an estimate changes nothing and prices what produce then charges
        JsonNode estimate = json(game.as(student).body(Game.produce(farm, Game.WHEAT, 10))
                .post("/api/facility/production/estimate").then().statusCode(200).extract().asString());
        assertSuccess(estimate);
        assertThat(estimate.path("data").path("feasible").asBoolean()).isTrue();
        assertThat(estimate.path("data").path("issues")).isEmpty();
        assertThat(estimate.path("data").path("requirements").path("water").path("provider").path("facilityId")
                .asText()).isEqualTo(water);
        assertThat(estimate.path("data").path("requirements").path("funds").path("available").decimalValue())
                .isEqualByComparingTo("5000.00");
        BigDecimal estimated = estimate.path("data").path("costs").path("totalCost").decimalValue();

        // section 1: thirteen productions over six materials
        Map<String, JsonNode> produced = new LinkedHashMap<>();
        Map<Integer, BigDecimal> quantityByNumber = new LinkedHashMap<>();
        Set<String> transactionIds = new HashSet<>();
        BigDecimal spent = BigDecimal.ZERO;
        BigDecimal resourcesPaid = BigDecimal.ZERO;
        for (int i = 0; i < PRODUCTIONS; i++) {
            long material = i == 0 ? Game.WHEAT : FARM_MATERIALS.get(i % FARM_MATERIALS.size());
            int quantity = i == 0 ? 10 : 1 + i % 4;
            JsonNode body = json(game.as(student).body(Game.produce(farm, material, quantity))
                    .post("/api/facility/production/produce?lang=en").then().statusCode(200).extract().asString());
            assertSuccess(body);
            assertThat(body.path("message").asText()).isEqualTo("Materials produced successfully");
            JsonNode data = body.path("data");
            assertThat(data.path("status").asText()).isEqualTo("SUCCESS");
            assertThat(data.path("facility").path("id").asText()).isEqualTo(farm);
            assertThat(data.path("material").path("quantity").decimalValue()).isEqualByComparingTo("" + quantity);
            JsonNode costs = data.path("costs");
            assertThat(costs.path("totalCost").decimalValue()).isEqualByComparingTo(costs.path("waterCost")
                    .decimalValue().add(costs.path("powerCost").decimalValue())
                    .add(costs.path("materialBaseCost").decimalValue()));
            assertThat(data.path("resources").path("power").path("provider").path("teamId").asText())
                    .isEqualTo(utility);
            assertThat(ids(List.of(data.path("transactions").get(0), data.path("transactions").get(1)), "type"))
                    .containsExactlyInAnyOrder("WATER", "POWER");
            data.path("transactions").forEach(t -> transactionIds.add(t.path("id").asText()));
            if (i == 0) {
                assertThat(costs.path("totalCost").decimalValue()).isEqualByComparingTo(estimated);
            }
            produced.put(data.path("productionId").asText(), data);
            quantityByNumber.merge(data.path("material").path("number").asInt(), BigDecimal.valueOf(quantity),
                    BigDecimal::add);
            spent = spent.add(costs.path("totalCost").decimalValue());
            resourcesPaid = resourcesPaid.add(costs.path("waterCost").decimalValue())
                    .add(costs.path("powerCost").decimalValue());
        }
        assertThat(transactionIds).hasSize(2 * PRODUCTIONS);

        // section 2: each record as produce answered it
        produced.forEach((id, data) -> {
            JsonNode record = json(game.as(student).get("/api/facility/production/" + id + "?lang=en").then()
                    .statusCode(200).extract().asString());
            assertSuccess(record);
            JsonNode r = record.path("data");
            assertThat(r.path("id").asText()).isEqualTo(id);
            assertThat(r.path("productionNumber").asText()).isEqualTo(data.path("productionNumber").asText());
            assertThat(r.path("status").asText()).isEqualTo("SUCCESS");
            assertThat(r.path("failureReason").isNull()).isTrue();
            assertThat(r.path("material").path("origin").asText()).isEqualTo("FARM");
            assertThat(r.path("facility").path("location").has("q")).isTrue();
            assertThat(r.path("resourcesConsumed").path("water").decimalValue())
                    .isEqualByComparingTo(data.path("resources").path("water").path("consumed").decimalValue());
            assertThat(r.path("costs").path("totalCost").decimalValue())
                    .isEqualByComparingTo(data.path("costs").path("totalCost").decimalValue());
            assertThat(r.path("spaceUsed").decimalValue()).isEqualByComparingTo(data.path("spaceUsed").decimalValue());
        });

        // section 3: the history, every record exactly once however it is cut, filtered and sorted
        for (int limit : List.of(1, 5, 13, 100)) {
            assertThat(ids(all(student, "/api/facility/production?facilityId=" + farm, "productions", limit), "id"))
                    .as("limit %d", limit).containsExactlyInAnyOrderElementsOf(produced.keySet());
        }
        List<JsonNode> oldestFirst = all(game.teacher(), "/api/facility/production?teamId=" + farmers
                + "&status=SUCCESS&sortBy=producedAt&sortOrder=asc", "productions", 4);
        assertThat(ids(oldestFirst, "id")).containsExactlyElementsOf(produced.keySet());
        assertThat(ids(oldestFirst, "producedAt")).isSorted();
        assertThat(sum(oldestFirst, "totalCost")).isEqualByComparingTo(spent);
        assertThat(all(student, "/api/facility/production?status=FAILED", "productions", 5)).isEmpty();
        assertThat(all(seller, "/api/facility/production", "productions", 5)).isEmpty();

        // section 5: both sides of every sale, page by page
        List<JsonNode> bought = all(student, "/api/facility/transactions?transactionType=CONSUMER", "transactions", 5);
        assertThat(ids(bought, "id")).containsExactlyInAnyOrderElementsOf(transactionIds);
        assertThat(bought).allSatisfy(t -> {
            assertThat(t.path("role").asText()).isEqualTo("CONSUMER");
            assertThat(t.path("status").asText()).isEqualTo("SUCCESS");
            assertThat(t.path("counterparty").path("teamId").asText()).isEqualTo(utility);
            assertThat(produced).containsKey(t.path("productionId").asText());
        });
        assertThat(sum(bought, "totalAmount")).isEqualByComparingTo(resourcesPaid);
        List<JsonNode> sold = all(seller, "/api/facility/transactions?transactionType=PROVIDER", "transactions", 6);
        assertThat(sold).hasSize(2 * PRODUCTIONS).allSatisfy(t -> {
            assertThat(t.path("role").asText()).isEqualTo("PROVIDER");
            assertThat(t.path("counterparty").path("teamId").asText()).isEqualTo(farmers);
        });
        assertThat(sum(sold, "totalAmount")).isEqualByComparingTo(sum(bought, "totalAmount"));
        List<JsonNode> waterBought = all(student, "/api/facility/transactions?resourceType=WATER&facilityId=" + farm,
                "transactions", 3);
        assertThat(waterBought).hasSize(PRODUCTIONS)
                .allSatisfy(t -> assertThat(t.path("resourceType").asText()).isEqualTo("WATER"));
        JsonNode summary = json(game.as(student).get("/api/facility/transactions?transactionType=CONSUMER&limit=1")
                .then().statusCode(200).extract().asString()).path("data").path("summary");
        assertThat(summary.path("totalTransactions").asInt()).isEqualTo(2 * PRODUCTIONS);
        assertThat(summary.path("byType").path("water").path("count").asInt()).isEqualTo(PRODUCTIONS);
        assertThat(summary.path("byType").path("power").path("count").asInt()).isEqualTo(PRODUCTIONS);
        assertThat(summary.path("totalAmount").decimalValue()).isEqualByComparingTo(sum(bought, "totalAmount"));
        assertThat(new BigDecimal(game.teamView(farmers).getString("data.funds")))
                .isEqualByComparingTo(new BigDecimal("5000.00").subtract(spent));

        // the 2025-09-06 update: one inventory item per material, its history in the metadata
        List<JsonNode> inventory = all(student, "/api/facility/inventory?facilityId=" + farm, "items", 2);
        assertThat(inventory).hasSize(FARM_MATERIALS.size());
        Map<Integer, BigDecimal> held = new LinkedHashMap<>();
        int histories = 0;
        for (JsonNode item : inventory) {
            held.put(item.path("material").path("number").asInt(), item.path("quantity").decimalValue());
            histories += item.path("metadata").path("productionHistory").size();
        }
        assertThat(held.keySet()).containsExactlyInAnyOrderElementsOf(quantityByNumber.keySet());
        quantityByNumber.forEach((number, quantity) -> assertThat(held.get(number)).as("material %d", number)
                .isEqualByComparingTo(quantity));
        assertThat(histories).isEqualTo(PRODUCTIONS);

        // another school sees none of it
        Game otherSchool = new Game();
        String otherTeacher = otherSchool.teacher();
        assertThat(all(otherTeacher, "/api/facility/production", "productions", 5)).isEmpty();
        assertThat(all(otherTeacher, "/api/facility/transactions", "transactions", 5)).isEmpty();
        assertThat(all(otherTeacher, "/api/facility/inventory", "items", 5)).isEmpty();
        String anyProduction = produced.keySet().iterator().next();
        otherSchool.as(otherTeacher).get("/api/facility/production/" + anyProduction).then().statusCode(404)
                .body("success", equalTo(false)).body("businessCode", equalTo(4006));
        otherSchool.as(otherTeacher).body(Game.produce(farm, Game.WHEAT, 1))
                .post("/api/facility/production/estimate").then().statusCode(404);
    }

    @Test
    void refusalsAnswerTheSpecsEnvelopesAndChangeNothing() {
        String broke = game.team("Broke", "1.00");
        String utility = game.team("Utility Co", "0.00");
        String farm = game.facility(broke, "FARM", "100");
        String water = game.provider(utility, "WATER", "0.30", "100000");
        game.connect(farm, water);
        String student = game.student(broke);

        // no power line yet: 4003 (the spec names no HTTP status for it; ours is 409)
        game.as(student).body(Game.produce(farm, Game.WHEAT, 1)).post("/api/facility/production/produce").then()
                .statusCode(409).body("success", equalTo(false)).body("businessCode", equalTo(4003));
        game.connect(farm, game.provider(utility, "POWER", "0.50", "100000"));

        game.as(student).body(Game.produce(farm, Game.WHEAT, -1)).post("/api/facility/production/produce").then()
                .statusCode(400).body("success", equalTo(false)).body("businessCode", equalTo(4001))
                .body("data.errors[0].field", equalTo("quantity")).body("data.errors[0].reason", notNullValue());
        JsonNode refused = json(game.as(student).body(Game.produce(farm, Game.WHEAT, 10))
                .post("/api/facility/production/produce").then().statusCode(402).extract().asString());
        assertThat(refused.path("success").asBoolean()).isFalse();
        assertThat(refused.path("businessCode").asInt()).isEqualTo(4002);
        assertThat(refused.path("data").path("available").path("funds").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(refused.path("data").path("required").path("funds").decimalValue()).isGreaterThan(BigDecimal.ONE);
        assertThat(refused.path("data").path("required").path("space").isNumber()).isTrue();
        assertThat(refused.path("data").path("available").path("space").decimalValue()).isEqualByComparingTo("100");
        game.as(student).body(Game.produce(farm, Game.IRON_ORE, 1)).post("/api/facility/production/produce").then()
                .statusCode(400).body("success", equalTo(false));
        game.as(student).get("/api/facility/production/" + UUID.randomUUID()).then().statusCode(404)
                .body("businessCode", equalTo(4006));
        game.as(student).get("/api/facility/production?page=0").then().statusCode(400)
                .body("businessCode", equalTo(4001));
        game.as(student).get("/api/facility/production?limit=101").then().statusCode(400)
                .body("businessCode", equalTo(4001));

        assertThat(all(student, "/api/facility/production", "productions", 5)).isEmpty();
        assertThat(all(student, "/api/facility/transactions", "transactions", 5)).isEmpty();
        assertThat(all(student, "/api/facility/inventory", "items", 5)).isEmpty();
        assertThat(new BigDecimal(game.teamView(broke).getString("data.funds"))).isEqualByComparingTo("1.00");
    }
}
