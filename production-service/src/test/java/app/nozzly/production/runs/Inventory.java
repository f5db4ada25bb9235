package app.nozzly.production.runs;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** What a test sets up and reads in the real inventory-service through its own API. */
final class Inventory {

    private final String bearer;

    Inventory(String bearer) {
        this.bearer = bearer;
    }

    /**
     * inventory-service's own tests hold it to its OpenAPI document; here it is only setup and ledger, so no filters
     * (none of the contract checks REST Assured holds, one per Quarkus class loader of this run).
     */
    private RequestSpecification api() {
        return given().baseUri(InventoryServiceResource.url()).header("Authorization", bearer)
                .contentType(ContentType.JSON).noFilters();
    }

    void materialType(String code) {
        int status = api().body(Map.of("code", code, "name", code)).post("/api/v1/material-types").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("material type " + code + " not created: " + status);
        }
    }

    /** A PLA spool of the given grams at the given cost per gram; answers its id. */
    String spool(String spoolId, double grams, double costPerGram) {
        materialType("PLA");
        return api().body(Map.of("spool_id", spoolId, "brand", "Bambu Lab", "color", "Matte Black",
                "material_type", "PLA", "initial_weight_grams", grams, "cost_per_gram", costPerGram))
                .post("/api/v1/spools").then().statusCode(201).extract().path("id");
    }

    String model(String name, String sku) {
        return model(name, sku, 30);
    }

    String model(String name, String sku, double gramsPerUnit) {
        return api().body(Map.of("name", name, "sku", sku, "estimated_grams_per_unit", gramsPerUnit))
                .post("/api/v1/models").then().statusCode(201).extract().path("id");
    }

    /** Maps one more sku to the model (inventory-service's extra skus); answers the sku. */
    String extraSku(String modelId, String sku) {
        api().body(Map.of("sku", sku)).post("/api/v1/models/" + modelId + "/skus").then().statusCode(201);
        return sku;
    }

    /** Changes a model through inventory's own API (PATCH /api/v1/models/{id}). */
    void changeModel(String modelId, Map<String, Object> change) {
        api().body(change).patch("/api/v1/models/" + modelId).then().statusCode(200);
    }

    /** Changes a spool through inventory's own API (PATCH /api/v1/spools/{id}). */
    void changeSpool(String spoolId, Map<String, Object> change) {
        api().body(change).patch("/api/v1/spools/" + spoolId).then().statusCode(200);
    }

    /** Renames the tenant's material type of this code. */
    void renameMaterialType(String code, String name) {
        String id = api().queryParam("code", code).get("/api/v1/material-types").then().statusCode(200).extract()
                .path("items[0].id");
        api().body(Map.of("name", name)).patch("/api/v1/material-types/" + id).then().statusCode(200);
    }

    String skuOf(String modelId) {
        return api().get("/api/v1/models/" + modelId).then().statusCode(200).extract().path("sku");
    }

    JsonPath spoolView(String id) {
        return api().get("/api/v1/spools/" + id).then().statusCode(200).extract().jsonPath();
    }

    double currentGrams(String spoolId) {
        return spoolView(spoolId).getDouble("current_weight_grams");
    }

    double availableGrams(String spoolId) {
        return spoolView(spoolId).getDouble("available_grams");
    }

    double finishedUnits(String modelId) {
        return api().get("/api/v1/models/" + modelId).then().statusCode(200).extract().jsonPath()
                .getDouble("finished_stock_units");
    }

    /** Posts a movement straight to inventory, as production-service would; answers the HTTP status. */
    int move(Map<String, Object> movement) {
        return api().body(movement).post("/api/v1/inventory/movements").statusCode();
    }

    /** Ledger rows caused by a run that moved stock of one item (reservation rows move none: signed 0). */
    List<Map<String, Object>> ledger(String itemId, UUID runId) {
        List<Map<String, Object>> rows = api().queryParam("item_id", itemId).queryParam("cause_id", runId.toString())
                .queryParam("size", 100).get("/api/v1/inventory/transactions").then().statusCode(200).extract()
                .jsonPath().getList("items");
        return rows.stream().filter(r -> ((Number) r.get("signed_quantity")).doubleValue() != 0).toList();
    }
}
