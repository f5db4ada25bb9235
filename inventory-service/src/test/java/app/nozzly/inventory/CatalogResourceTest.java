package app.nozzly.inventory;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Material types, models, bulk materials and formulated products: what other services look up. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class CatalogResourceTest {

    private final String tenant = Inventory.newTenant();

    @Test
    void materialTypesHaveUniqueCodesAndTypicalTemperatures() {
        String id = Inventory.admin(tenant).body(Map.of("code", "petg", "name", "PETG", "density_g_cm3", 1.27,
                "nozzle_temp_c", 240, "bed_temp_c", 80)).post("/api/v1/material-types").then().statusCode(201)
                .body("code", equalTo("PETG")).body("density_g_cm3", is(1.27f)).body("nozzle_temp_c", is(240))
                .extract().path("id");
        Inventory.admin(tenant).body(Map.of("code", "PETG")).post("/api/v1/material-types").then().statusCode(409);
        Inventory.admin(tenant).body(Map.of("bed_temp_c", 85)).patch("/api/v1/material-types/" + id).then()
                .statusCode(200).body("bed_temp_c", is(85));
        Inventory.admin(tenant).get("/api/v1/material-types?code=petg").then().body("total", is(1));
        Inventory.admin(tenant).body(Map.of("material_type", "PETG", "initial_weight_grams", 1000))
                .post("/api/v1/spools").then().statusCode(201);
        Inventory.admin(tenant).delete("/api/v1/material-types/" + id).then().statusCode(409);
    }

    @Test
    void modelsAreFoundBySkuWhichIsUniquePerTenant() {
        String id = Inventory.admin(tenant).body(Map.of("name", "Dragon Miniature", "sku", "MDL-DRAGON-001",
                "estimated_grams_per_unit", 37.5, "estimated_print_minutes_per_unit", 95, "finished_stock_units", 3))
                .post("/api/v1/models").then().statusCode(201).extract().path("id");
        Inventory.admin(tenant).body(Map.of("name", "Other", "sku", "MDL-DRAGON-001")).post("/api/v1/models")
                .then().statusCode(409);

        Inventory.admin(tenant).get("/api/v1/models?sku=MDL-DRAGON-001").then().statusCode(200)
                .body("total", is(1)).body("items[0].id", equalTo(id))
                .body("items[0].estimated_grams_per_unit", is(37.5f))
                .body("items[0].estimated_print_minutes_per_unit", is(95))
                .body("items[0].finished_stock_units", is(3));
        Inventory.admin(tenant).get("/api/v1/models/" + id).then().body("name", equalTo("Dragon Miniature"));
        Inventory.admin(Inventory.newTenant()).get("/api/v1/models/" + id).then().statusCode(404);
    }

    @Test
    void productsKeepFinishedStockInLotsFromBatchOutput() {
        String id = Inventory.admin(tenant).body(Map.of("name", "Jabón líquido lavanda", "sku", "PRD-JL-500",
                "unit", "L")).post("/api/v1/products").then().statusCode(201)
                .body("finished_stock", is(0)).extract().path("id");
        Map<String, Object> output = new java.util.HashMap<>(Inventory.line("product", id, "production_output", 250,
                "L"));
        output.put("lot_number", "B-2025-0042");
        Inventory.as(tenant).body(Map.of("idempotency_key", "batch-42-done", "cause", Map.of("type", "batch", "id",
                "batch-42"), "lines", List.of(output))).post("/api/v1/inventory/movements").then().statusCode(201)
                .body("lines[0].lots[0].lot_number", equalTo("B-2025-0042"));

        Inventory.admin(tenant).get("/api/v1/products/" + id).then().statusCode(200).body("unit", equalTo("L"))
                .body("finished_stock", is(250)).body("lots.lot_number", contains("B-2025-0042"));
        Inventory.admin(tenant).get("/api/v1/products?sku=PRD-JL-500").then().body("total", is(1));
    }

    @Test
    void materialsRequireAUnitOfMassOrVolume() {
        Inventory.admin(tenant).body(Map.of("code", "NACL", "name", "Salt", "unit", "units")).post("/api/v1/materials")
                .then().statusCode(400);
        Inventory.admin(tenant).body(Map.of("code", "NACL", "name", "Salt", "unit", "kg", "low_stock_threshold", 5,
                "lots", List.of(Map.of("lot_number", "S1", "quantity", 20)))).post("/api/v1/materials")
                .then().statusCode(201).body("quantity", is(20)).body("lots[0].lot_number", equalTo("S1"));
        Inventory.admin(tenant).get("/api/v1/materials?code=NACL").then().body("total", is(1))
                .body("items[0].unit", equalTo("kg"));
    }
}
