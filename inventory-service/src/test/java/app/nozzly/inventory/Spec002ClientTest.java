package app.nozzly.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A client that knows only the "Filament Inventory" part of specs/002 and its "Pagination" and "Error Responses"
 * sections: a shop adds its filaments, uses them up with PUT (one runs low), filters them, reads every page of
 * its list with limit and offset, removes some, and a second shop sees and touches none of it.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class Spec002ClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILAMENTS = "/api/filaments";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}";
    private static final List<String> MATERIALS = List.of("PLA", "PETG", "ABS", "TPU");
    private static final List<String> COLORS = List.of("Red", "Blue", "Black");

    private final String shop = "shop-" + UUID.randomUUID();
    private final String otherShop = "shop-" + UUID.randomUUID();

    private static RequestSpecification as(String tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant, "admin")).contentType(ContentType.JSON);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    private static Map<String, Object> filament(String material, String color, int initial, int current,
            double costPerGram, int lowStockThreshold) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("material", material);
        body.put("color", color);
        body.put("initial_amount", initial);
        body.put("current_amount", current);
        body.put("cost_per_gram", costPerGram);
        body.put("low_stock_threshold", lowStockThreshold);
        return body;
    }

    private static JsonNode add(String tenant, Map<String, Object> body) {
        JsonNode created = json(as(tenant).body(body).post(FILAMENTS).then().statusCode(201).extract().asString());
        assertThat(created.path("id").asText()).isNotBlank();
        assertThat(created.path("material").asText()).isEqualTo(body.get("material"));
        assertThat(created.path("color").asText()).isEqualTo(body.get("color"));
        assertThat(created.path("initial_amount").decimalValue()).isEqualByComparingTo(body.get("initial_amount")
                .toString());
        assertThat(created.path("current_amount").decimalValue()).isEqualByComparingTo(body.get("current_amount")
                .toString());
        assertThat(created.path("cost_per_gram").decimalValue()).isEqualByComparingTo(body.get("cost_per_gram")
                .toString());
        assertThat(created.path("low_stock_threshold").decimalValue())
                .isEqualByComparingTo(body.get("low_stock_threshold").toString());
        assertThat(created.path("created_at").asText()).matches(TIMESTAMP);
        assertThat(created.path("updated_at").asText()).matches(TIMESTAMP);
        return created;
    }

    /** Every filament of a GET /filaments query, read page by page with limit and offset to the last one. */
    private static List<JsonNode> all(String tenant, String query, int limit) {
        List<JsonNode> found = new ArrayList<>();
        long total;
        int offset = 0;
        do {
            JsonNode page = json(as(tenant).get(FILAMENTS + "?" + query + (query.isEmpty() ? "" : "&") + "limit="
                    + limit + "&offset=" + offset).then().statusCode(200).extract().asString());
            total = page.path("total").asLong();
            assertThat(page.path("limit").asInt()).isEqualTo(limit);
            assertThat(page.path("offset").asInt()).isEqualTo(offset);
            assertThat(page.path("page").asInt()).isEqualTo(offset / limit + 1);
            assertThat(page.path("pages").asLong()).isEqualTo((total + limit - 1) / limit);
            assertThat(page.path("filaments").size()).isEqualTo((int) Math.min(limit, Math.max(0, total - offset)));
            page.path("filaments").forEach(found::add);
            offset += limit;
        } while (offset < total);
        assertThat(found).hasSize((int) total);
        return found;
    }

    private static List<String> ids(List<JsonNode> filaments) {
        return filaments.stream().map(f -> f.path("id").asText()).toList();
    }

    private static JsonNode one(List<JsonNode> filaments, String id) {
        return filaments.stream().filter(f -> f.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aClientThatKnowsOnlySpecs002FilamentCallsKeepsItsInventory() {
        // an empty shop: nothing, on one page of none
        as(shop).get(FILAMENTS).then().statusCode(200).body("filaments.size()", is(0)).body("total", is(0))
                .body("limit", is(50)).body("offset", is(0)).body("page", is(1)).body("pages", is(0));

        // add: 23 spools over four materials and three colours, the spec's own example among them
        List<String> created = new ArrayList<>();
        Map<String, List<String>> byMaterial = new LinkedHashMap<>();
        String example = add(shop, filament("PLA", "Blue", 1000, 1000, 0.015, 100)).path("id").asText();
        created.add(example);
        byMaterial.computeIfAbsent("PLA", m -> new ArrayList<>()).add(example);
        for (int i = 1; i < 23; i++) {
            String material = MATERIALS.get(i % MATERIALS.size());
            JsonNode f = add(shop, filament(material, COLORS.get(i % COLORS.size()), 1000, 1000 - i * 10,
                    0.02, 100));
            created.add(f.path("id").asText());
            byMaterial.computeIfAbsent(material, m -> new ArrayList<>()).add(f.path("id").asText());
        }

        // every filament exactly once, however the list is cut
        for (int limit : List.of(1, 5, 22, 23, 50)) {
            assertThat(ids(all(shop, "", limit))).as("limit %d", limit).containsExactlyInAnyOrderElementsOf(created);
        }
        as(shop).get(FILAMENTS).then().body("total", is(23)).body("filaments.size()", is(23))
                .body("pages", is(1)).body("filaments[0].keySet()", containsInAnyOrder("id", "material", "color",
                        "initial_amount", "current_amount", "cost_per_gram", "low_stock_threshold", "created_at",
                        "updated_at"));
        as(shop).get(FILAMENTS + "?limit=5&offset=20").then().body("filaments.size()", is(3)).body("page", is(5))
                .body("pages", is(5));
        as(shop).get(FILAMENTS + "?limit=5&offset=25").then().statusCode(200).body("filaments.size()", is(0))
                .body("total", is(23));

        // filters, each walked to its end
        byMaterial.forEach((material, inMaterial) -> assertThat(ids(all(shop, "material=" + material, 2)))
                .as(material).containsExactlyInAnyOrderElementsOf(inMaterial));
        List<JsonNode> red = all(shop, "color=Red", 3);
        assertThat(red).hasSize(7).allSatisfy(f -> assertThat(f.path("color").asText()).isEqualTo("Red"));
        assertThat(all(shop, "low_stock=true", 5)).isEmpty();
        assertThat(ids(all(shop, "low_stock=false", 4))).containsExactlyInAnyOrderElementsOf(created);

        // use filament up: PUT takes the POST body; the spool falls below its threshold and shows as low stock
        String used = byMaterial.get("PETG").get(0);
        JsonNode before = one(all(shop, "material=PETG", 50), used);
        JsonNode after = json(as(shop).body(filament("PETG", "Orange", 1000, 80, 0.025, 100)).put(FILAMENTS + "/"
                + used).then().statusCode(200).body("id", equalTo(used)).body("color", equalTo("Orange"))
                .body("material", equalTo("PETG")).extract().asString());
        assertThat(after.path("current_amount").decimalValue()).isEqualByComparingTo("80");
        assertThat(after.path("cost_per_gram").decimalValue()).isEqualByComparingTo("0.025");
        assertThat(after.path("created_at").asText()).isEqualTo(before.path("created_at").asText());
        assertThat(after.path("updated_at").asText()).isGreaterThanOrEqualTo(before.path("updated_at").asText());
        List<JsonNode> low = all(shop, "low_stock=true", 5);
        assertThat(ids(low)).containsExactly(used);
        assertThat(low.get(0).path("current_amount").decimalValue()).isEqualByComparingTo("80");
        assertThat(ids(all(shop, "material=PETG&color=Orange&low_stock=true", 1))).containsExactly(used);
        // ... and a new spool's worth on the same filament clears it again
        as(shop).body(filament("PETG", "Orange", 1000, 1000, 0.025, 100)).put(FILAMENTS + "/" + used).then()
                .statusCode(200);
        assertThat(all(shop, "low_stock=true", 5)).isEmpty();
        BigDecimal restocked = one(all(shop, "material=PETG", 50), used).path("current_amount").decimalValue();
        assertThat(restocked).isEqualByComparingTo("1000");

        // a second shop sees none of it and can change none of it
        as(otherShop).get(FILAMENTS).then().statusCode(200).body("total", is(0)).body("filaments.size()", is(0));
        assertThat(all(otherShop, "material=PLA", 3)).isEmpty();
        as(otherShop).body(filament("PLA", "Green", 1000, 0, 0.01, 100)).put(FILAMENTS + "/" + example).then()
                .statusCode(404).body("keySet()", containsInAnyOrder("error", "status")).body("status", is(404));
        as(otherShop).delete(FILAMENTS + "/" + example).then().statusCode(404).body("status", is(404));
        String theirs = add(otherShop, filament("PLA", "Blue", 750, 750, 0.015, 100)).path("id").asText();
        assertThat(ids(all(otherShop, "", 10))).containsExactly(theirs);
        JsonNode untouched = one(all(shop, "", 50), example);
        assertThat(untouched.path("color").asText()).isEqualTo("Blue");
        assertThat(untouched.path("current_amount").decimalValue()).isEqualByComparingTo("1000");
        assertThat(ids(all(shop, "", 7))).hasSize(23).doesNotContain(theirs);

        // remove: gone from every page and every filter, and removing twice is a 404
        List<String> removed = List.of(created.get(0), created.get(5), created.get(22));
        for (String id : removed) {
            as(shop).delete(FILAMENTS + "/" + id).then().statusCode(200).body("message", equalTo("Filament deleted"));
        }
        List<String> remaining = new ArrayList<>(created);
        remaining.removeAll(removed);
        assertThat(ids(all(shop, "", 4))).containsExactlyInAnyOrderElementsOf(remaining);
        assertThat(ids(all(shop, "low_stock=false", 20))).containsExactlyInAnyOrderElementsOf(remaining);
        as(shop).delete(FILAMENTS + "/" + removed.get(0)).then().statusCode(404)
                .body("error", equalTo("Filament not found")).body("status", is(404));
        as(shop).body(filament("PLA", "Blue", 1000, 1000, 0.015, 100)).put(FILAMENTS + "/" + removed.get(0)).then()
                .statusCode(404);
        assertThat(ids(all(otherShop, "", 10))).containsExactly(theirs);
    }

    @Test
    void badRequestsAnswerTheSpecsErrorShapeAndChangeNothing() {
        String id = add(shop, filament("PLA", "Blue", 1000, 1000, 0.015, 100)).path("id").asText();

        as(shop).body(Map.of("color", "Blue", "initial_amount", 1000)).post(FILAMENTS).then().statusCode(400)
                .body("keySet()", containsInAnyOrder("error", "status")).body("status", is(400));
        as(shop).body(filament("PLA", "Blue", -1, 0, 0.015, 100)).post(FILAMENTS).then().statusCode(400)
                .body("status", is(400));
        as(shop).body(filament("PLA", "Red", 1000, -5, 0.015, 100)).put(FILAMENTS + "/" + id).then().statusCode(400)
                .body("status", is(400));
        for (String query : List.of("limit=0", "offset=-1", "limit=ten", "low_stock=maybe")) {
            as(shop).get(FILAMENTS + "?" + query).then().statusCode(400)
                    .body("keySet()", containsInAnyOrder("error", "status")).body("status", is(400));
        }
        given().get(FILAMENTS).then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get(FILAMENTS).then().statusCode(401);

        List<JsonNode> left = all(shop, "", 10);
        assertThat(ids(left)).containsExactly(id);
        assertThat(left.get(0).path("color").asText()).isEqualTo("Blue");
        assertThat(left.get(0).path("current_amount").decimalValue()).isEqualByComparingTo("1000");
    }
}
