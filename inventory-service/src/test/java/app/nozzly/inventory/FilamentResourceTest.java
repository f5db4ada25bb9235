package app.nozzly.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** specs/002 "Filament Inventory": every example as written, over the same spools and ledger. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class FilamentResourceTest {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}";

    /** The POST example of the spec, verbatim. */
    private static final String ADD_BLUE_PLA = """
            {
              "material": "PLA",
              "color": "Blue",
              "initial_amount": 1000,
              "current_amount": 1000,
              "cost_per_gram": 0.015,
              "low_stock_threshold": 100
            }
            """;

    private final String tenant = Inventory.newTenant();

    @Test
    void postAddsTheSpecsExampleFilamentToStock() {
        String id = Inventory.as(tenant).body(ADD_BLUE_PLA).post("/api/filaments").then().statusCode(201)
                .body("material", equalTo("PLA")).body("color", equalTo("Blue"))
                .body("initial_amount", is(1000)).body("current_amount", is(1000))
                .body("cost_per_gram", is(0.015f)).body("low_stock_threshold", is(100))
                .body("created_at", matchesPattern(TIMESTAMP)).body("updated_at", matchesPattern(TIMESTAMP))
                .extract().path("id");

        // a view over the spools, not a second stock: the same grams, received through the ledger
        Inventory.as(tenant).get("/api/v1/spools/" + id).then().statusCode(200)
                .body("current_weight_grams", is(1000)).body("material_type.code", equalTo("PLA"));
        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + id).then()
                .body("items.kind", contains("receipt"));
    }

    @Test
    void getListsFilamentsWithTheirTotal() {
        Inventory.as(tenant).body(ADD_BLUE_PLA).post("/api/filaments").then().statusCode(201);
        Inventory.as(tenant).body(Map.of("material", "PETG", "color", "Red", "initial_amount", 1000,
                "current_amount", 750, "cost_per_gram", 0.02, "low_stock_threshold", 100))
                .post("/api/filaments").then().statusCode(201);

        Inventory.as(tenant).get("/api/filaments").then().statusCode(200)
                .body("total", is(2)).body("filaments.size()", is(2))
                .body("filaments.material", containsInAnyOrder("PLA", "PETG"))
                .body("filaments[0].keySet()", containsInAnyOrder("id", "material", "color", "initial_amount",
                        "current_amount", "cost_per_gram", "low_stock_threshold", "created_at", "updated_at"));
    }

    @Test
    void getFiltersByMaterialColorAndLowStock() {
        Inventory.as(tenant).body(ADD_BLUE_PLA).post("/api/filaments").then().statusCode(201);
        String red = Inventory.as(tenant).body(Map.of("material", "PLA", "color", "Red", "initial_amount", 1000,
                "current_amount", 80, "low_stock_threshold", 100)).post("/api/filaments").then().statusCode(201)
                .extract().path("id");
        Inventory.as(tenant).body(Map.of("material", "PETG", "color", "Red", "initial_amount", 1000))
                .post("/api/filaments").then().statusCode(201);

        Inventory.as(tenant).get("/api/filaments?material=PLA").then().body("total", is(2));
        Inventory.as(tenant).get("/api/filaments?material=pla&color=red").then().body("total", is(1))
                .body("filaments[0].id", equalTo(red));
        Inventory.as(tenant).get("/api/filaments?color=Red").then().body("total", is(2));
        Inventory.as(tenant).get("/api/filaments?low_stock=true").then().body("total", is(1))
                .body("filaments[0].id", equalTo(red)).body("filaments[0].current_amount", is(80));
        Inventory.as(tenant).get("/api/filaments?low_stock=false").then().body("total", is(3));
        Inventory.as(tenant).get("/api/filaments?low_stock=maybe").then().statusCode(400)
                .body("status", is(400)).body("error", matchesPattern(".*low_stock.*"));
    }

    @Test
    void putUpdatesAFilamentAndRecordsTheChangedAmountAsAnAdjustment() {
        String id = Inventory.as(tenant).body(ADD_BLUE_PLA).post("/api/filaments").then().statusCode(201)
                .extract().path("id");

        Inventory.as(tenant).body("""
                {
                  "material": "PLA",
                  "color": "Red",
                  "initial_amount": 1000,
                  "current_amount": 750,
                  "cost_per_gram": 0.02,
                  "low_stock_threshold": 100
                }
                """).put("/api/filaments/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("color", equalTo("Red")).body("current_amount", is(750))
                .body("cost_per_gram", is(0.02f));

        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + id + "&kind=adjustment").then()
                .body("total", is(1)).body("items[0].signed_quantity", is(-250));
        assertThat(Inventory.stockAndLedger(tenant, id)).allSatisfy(v -> assertThat(v).isEqualByComparingTo("750"));
    }

    @Test
    void deleteRemovesAFilamentFromTheList() {
        String id = Inventory.as(tenant).body(ADD_BLUE_PLA).post("/api/filaments").then().statusCode(201)
                .extract().path("id");

        Inventory.as(tenant).delete("/api/filaments/" + id).then().statusCode(200)
                .body("message", equalTo("Filament deleted"));

        Inventory.as(tenant).get("/api/filaments").then().body("filaments.id", not(hasItem(id)));
        Inventory.as(tenant).delete("/api/filaments/" + id).then().statusCode(404)
                .body("status", is(404)).body("error", equalTo("Filament not found"));
    }

    @Test
    void errorsUseTheSpecsErrorShape() {
        Inventory.as(tenant).body(Map.of("color", "Blue", "initial_amount", 1000)).post("/api/filaments")
                .then().statusCode(400).contentType("application/json")
                .body("keySet()", containsInAnyOrder("error", "status"))
                .body("status", is(400)).body("error", startsWith("material: "));
        Inventory.as(tenant).body("{\"material\": ").post("/api/filaments").then().statusCode(400)
                .body("status", is(400));
        Inventory.as(tenant).body(Map.of("material", "PLA", "initial_amount", -5)).post("/api/filaments")
                .then().statusCode(400).body("status", is(400));
        Inventory.as(tenant).body(ADD_BLUE_PLA).put("/api/filaments/" + UUID.randomUUID()).then().statusCode(404)
                .body("error", equalTo("Filament not found")).body("status", is(404));
        // an id that cannot be a filament's is a malformed request
        Inventory.as(tenant).body(ADD_BLUE_PLA).put("/api/filaments/not-a-filament").then().statusCode(400)
                .body("keySet()", containsInAnyOrder("error", "status")).body("status", is(400));
        given().get("/api/filaments").then().statusCode(401);
    }
}
