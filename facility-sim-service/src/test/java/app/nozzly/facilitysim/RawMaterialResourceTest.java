package app.nozzly.facilitysim;

import static app.nozzly.facilitysim.Game.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** specs/004 sections 6 and 7: the raw-material catalog with filters, search, sorting, paging and languages. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@ExtendWith(DecimalsAsBigDecimal.class)
class RawMaterialResourceTest {

    private static final String MATERIALS = "/api/facility/raw-materials";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Game game = new Game();

    private RequestSpecification student() {
        return game.as(game.student(UUID.randomUUID().toString()));
    }

    @Test
    void listServesTheWholeCatalogInChineseByDefaultPagedBy50() {
        student().get(MATERIALS).then().statusCode(200)
                .body("success", equalTo(true))
                .body("businessCode", equalTo(2000))
                .body("message", equalTo("原材料列表获取成功"))
                .body("data.materials", hasSize(50))
                .body("data.materials[0].materialNumber", equalTo(101))
                .body("data.materials[0].name", equalTo("铁矿石"))
                .body("data.materials[0].origin", equalTo("MINE"))
                .body("data.materials[0].requiredFacilityType", equalTo("MINE"))
                .body("data.summary.totalMaterials", greaterThanOrEqualTo(48))
                .body("data.summary.byOrigin.keySet()", contains("MINE", "QUARRY", "FOREST", "FARM", "RANCH",
                        "FISHERY"))
                .body("data.summary.byOrigin.values()", everyItem(greaterThanOrEqualTo(8)))
                .body("data.pagination.currentPage", equalTo(1))
                .body("data.pagination.itemsPerPage", equalTo(50))
                .body("data.pagination.totalPages", equalTo(2))
                .body("data.pagination.hasNext", equalTo(true))
                .body("data.pagination.hasPrevious", equalTo(false));
    }

    @Test
    void listFiltersByOriginAndSortsByTotalCost() {
        student().queryParam("origin", "FISHERY").queryParam("sortBy", "totalCost").queryParam("sortOrder", "desc")
                .queryParam("lang", "en").get(MATERIALS).then().statusCode(200)
                .body("data.materials.origin", everyItem(equalTo("FISHERY")))
                .body("data.materials[0].name", equalTo("Tuna"))
                .body("data.summary.totalMaterials", equalTo(8))
                .body("data.summary.byOrigin.FISHERY", equalTo(8))
                .body("data.summary.byOrigin.MINE", equalTo(0));
        List<BigDecimal> costs = student().queryParam("origin", "FISHERY").queryParam("sortBy", "totalCost")
                .get(MATERIALS).then().extract().jsonPath().getList("data.materials.totalCost", BigDecimal.class);
        assertThat(costs).isSorted();
    }

    @Test
    void searchFindsMaterialsByEnglishOrChineseName() {
        student().queryParam("search", "ore").queryParam("lang", "en").get(MATERIALS).then().statusCode(200)
                .body("data.materials.name", hasItems("Iron Ore", "Copper Ore", "Gold Ore"))
                .body("data.materials.origin", everyItem(equalTo("MINE")));
        student().queryParam("search", "矿石").get(MATERIALS).then().statusCode(200)
                .body("data.materials.name", hasItems("铁矿石", "铜矿石"))
                .body("data.summary.totalMaterials", equalTo(
                        student().queryParam("search", "ORE").get(MATERIALS).then().extract()
                                .path("data.summary.totalMaterials")));
        student().queryParam("search", "100%_").get(MATERIALS).then().statusCode(200)
                .body("data.materials", hasSize(0));
    }

    @Test
    void listSortsByLocalizedNameAndPages() {
        student().queryParam("sortBy", "name").queryParam("lang", "en").queryParam("limit", 3).queryParam("page", 2)
                .get(MATERIALS).then().statusCode(200)
                .body("data.materials", hasSize(3))
                .body("data.pagination.currentPage", equalTo(2))
                .body("data.pagination.hasPrevious", equalTo(true));
        List<String> names = student().queryParam("sortBy", "name").queryParam("lang", "en").queryParam("limit", 100)
                .get(MATERIALS).then().extract().jsonPath().getList("data.materials.name", String.class);
        assertThat(names).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void badListParametersAnswer4001NamingTheField() {
        student().queryParam("limit", 0).queryParam("page", 0).queryParam("lang", "en").get(MATERIALS).then()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("businessCode", equalTo(4001))
                .body("message", equalTo("Validation failed"))
                .body("data.errors.field", containsInAnyOrder("limit", "page"));
        for (Map.Entry<String, String> bad : Map.of("origin", "WATER", "sortBy", "weight", "sortOrder", "up",
                "limit", "ten").entrySet()) {
            student().queryParam(bad.getKey(), bad.getValue()).queryParam("lang", "en").get(MATERIALS).then()
                    .statusCode(400).body("businessCode", equalTo(4001))
                    .body("data.errors.field", contains(bad.getKey()))
                    .body("data.errors[0].reason", startsWith("must be"));
        }
        student().get(MATERIALS + "/iron").then().statusCode(400).body("data.errors.field", contains("materialId"))
                .body("data.errors[0].reason", equalTo("必须为整数"));
    }

    @Test
    void detailShowsRequirementsAndSmallMediumLargeExamples() {
        student().header("x-lang", "en").get(MATERIALS + "/" + Game.WHEAT).then().statusCode(200)
                .body("message", equalTo("Material details retrieved"))
                .body("data.id", equalTo((int) Game.WHEAT))
                .body("data.materialNumber", equalTo(401))
                .body("data.name", equalTo("Wheat"))
                .body("data.origin", equalTo("FARM"))
                .body("data.waterRequired", is("10"))
                .body("data.powerRequired", is("2"))
                .body("data.goldCost", is("3.00"))
                .body("data.totalCost", is("9.60"))
                .body("data.carbonEmission", is("2"))
                .body("data.spacePerUnit", is("2"))
                .body("data.requiredFacilityType", equalTo("FARM"))
                .body("data.requiredConnections", contains("WATER", "POWER"))
                .body("data.examples.small.quantity", equalTo(10))
                .body("data.examples.small.waterNeeded", is("100"))
                .body("data.examples.small.powerNeeded", is("20"))
                .body("data.examples.small.totalCost", is("96.00"))
                .body("data.examples.small.spaceRequired", is("20"))
                .body("data.examples.medium.quantity", equalTo(100))
                .body("data.examples.large.quantity", equalTo(500))
                .body("data.examples.large.totalCost", is("4800.00"));
    }

    @Test
    void unknownMaterialIs4404WithNullData() {
        student().get(MATERIALS + "/424242").then().statusCode(404)
                .body("success", equalTo(false))
                .body("businessCode", equalTo(4404))
                .body("message", equalTo("原材料不存在"))
                .body("data", nullValue());
        student().queryParam("lang", "en").get(MATERIALS + "/424242").then().statusCode(404)
                .body("message", equalTo("Material not found"));
    }

    @Test
    void sameListInEnglishAndChineseDiffersOnlyInNamesAndMessage() throws Exception {
        JsonNode en = JSON.readTree(student().header("Accept-Language", "en-US,en;q=0.9,zh;q=0.8")
                .get(MATERIALS + "?limit=100").asString());
        JsonNode zh = JSON.readTree(student().header("Accept-Language", "fr, zh-CN;q=0.5")
                .get(MATERIALS + "?limit=100").asString());
        assertThat(en.at("/data/materials/0/name").asText()).isEqualTo("Iron Ore");
        assertThat(zh.at("/data/materials/0/name").asText()).isEqualTo("铁矿石");
        assertThat(en.get("message").asText()).isNotEqualTo(zh.get("message").asText());
        assertThat(withoutTexts(en)).isEqualTo(withoutTexts(zh));

        JsonNode enDetail = JSON.readTree(student().queryParam("lang", "en").header("x-lang", "zh")
                .get(MATERIALS + "/" + Game.IRON_ORE).asString());
        JsonNode zhDetail = JSON.readTree(student().header("x-lang", "zh").header("Accept-Language", "en")
                .get(MATERIALS + "/" + Game.IRON_ORE).asString());
        assertThat(enDetail.at("/data/name").asText()).isEqualTo("Iron Ore");
        assertThat(zhDetail.at("/data/name").asText()).isEqualTo("铁矿石");
        ((ObjectNode) enDetail).remove("message");
        ((ObjectNode) zhDetail).remove("message");
        ((ObjectNode) enDetail.get("data")).remove("name");
        ((ObjectNode) zhDetail.get("data")).remove("name");
        assertThat(enDetail).isEqualTo(zhDetail);
    }

    private static JsonNode withoutTexts(JsonNode response) {
        ObjectNode copy = response.deepCopy();
        copy.remove("message");
        copy.get("data").get("materials").forEach(m -> ((ObjectNode) m).remove("name"));
        return copy;
    }
}
