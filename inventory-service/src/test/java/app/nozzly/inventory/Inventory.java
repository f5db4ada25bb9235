package app.nozzly.inventory;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** What a client of the inventory API does in every test: act as a tenant, create spools, read stock. */
final class Inventory {

    private Inventory() {
    }

    static String newTenant() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An operator of the tenant: stock work (spools, movements, reservations, weighings). */
    static RequestSpecification as(String tenant) {
        return as(tenant, "operator");
    }

    /** An admin of the tenant: the catalogue (material types, materials, products, models). */
    static RequestSpecification admin(String tenant) {
        return as(tenant, "admin");
    }

    static RequestSpecification as(String tenant, String... roles) {
        return given().header("Authorization", TestTokens.bearer(tenant, roles)).contentType(ContentType.JSON);
    }

    static void materialType(String tenant, String code) {
        admin(tenant).body(Map.of("code", code, "name", code)).post("/api/v1/material-types");
    }

    /** Creates a PLA spool holding {@code grams} and returns its id. */
    static String spool(String tenant, double grams) {
        return spool(tenant, grams, null);
    }

    static String spool(String tenant, double grams, Double lowStockThreshold) {
        materialType(tenant, "PLA");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("brand", "Bambu Lab", "color", "Matte Black",
                "material_type", "PLA", "initial_weight_grams", grams, "empty_spool_weight_grams", 250));
        if (lowStockThreshold != null) {
            body.put("low_stock_threshold_grams", lowStockThreshold);
        }
        return as(tenant).body(body).post("/api/v1/spools").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> line(String itemType, String itemId, String kind, double quantity, String unit) {
        return Map.of("item_type", itemType, "item_id", itemId, "kind", kind, "quantity", quantity, "unit", unit);
    }

    static Map<String, Object> movement(String key, List<Map<String, Object>> lines) {
        return Map.of("idempotency_key", key, "cause", Map.of("type", "production_run", "id", "run-1"),
                "lines", lines);
    }

    static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    /** The item's stock and its ledger's sum, as the reconciliation endpoint reports them. */
    static BigDecimal[] stockAndLedger(String tenant, String itemId) {
        var json = as(tenant).get("/api/v1/inventory/stock/" + itemId).then().statusCode(200).extract().jsonPath();
        return new BigDecimal[] {new BigDecimal(json.getString("quantity")), new BigDecimal(json.getString("ledger_sum"))};
    }
}
