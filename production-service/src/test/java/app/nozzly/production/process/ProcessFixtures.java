package app.nozzly.production.process;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

import app.nozzly.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** What a plant's client does to set up production: stock inventory, register the plant, write recipes. */
final class ProcessFixtures {

    final String tenant;

    ProcessFixtures() {
        this("plant-" + UUID.randomUUID().toString().substring(0, 8));
    }

    ProcessFixtures(String tenant) {
        this.tenant = tenant;
    }

    RequestSpecification api() {
        return given().header("Authorization", TestTokens.bearer(tenant, "admin")).contentType(ContentType.JSON);
    }

    /**
     * Setup in inventory-service, which its own tests hold to its OpenAPI document: no filters, so none of the
     * contract checks REST Assured holds (one per Quarkus class loader of this run) applies.
     */
    RequestSpecification inventory() {
        return api().accept(ContentType.JSON).noFilters();
    }

    /** A JSON number equal to {@code value}, whether read back as an int, a float or a double. */
    static Matcher<Object> num(double value) {
        return new CustomTypeSafeMatcher<>("a number equal to " + value) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof Number n && Math.abs(n.doubleValue() - value) < 1e-4;
            }
        };
    }

    /**
     * An absolute URL of the inventory-service production-service talks to (the effective client config:
     * another test resource of this module may also start one). REST Assured's default port is ours.
     */
    static String inv(String path) {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.inventory.url", String.class) + path;
    }

    // ---- inventory-service ----

    String product(String name) {
        return inventory().body(Map.of("name", name, "sku", "SKU-" + UUID.randomUUID().toString().substring(0, 8),
                "unit", "L")).post(inv("/api/v1/products")).then().statusCode(201).extract().path("id");
    }

    /** A raw material counted in kg, with lots {lot_number, quantity, expires_at}. */
    String material(String name, List<Map<String, Object>> lots) {
        return inventory().body(Map.of("code", "MAT-" + UUID.randomUUID().toString().substring(0, 8), "name", name,
                "unit", "kg", "lots", lots)).post(inv("/api/v1/materials")).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> lot(String lotNumber, double kg, LocalDate expiresAt) {
        return Map.of("lot_number", lotNumber, "quantity", kg, "expires_at", expiresAt.toString());
    }

    double materialQuantity(String materialId) {
        return inventory().get(inv("/api/v1/materials/" + materialId)).then().statusCode(200).extract().jsonPath()
                .getDouble("quantity");
    }

    // ---- production-service: plant ----

    String operator(LocalDate chemicalCertificationExpires) {
        List<Map<String, Object>> certifications = chemicalCertificationExpires == null ? List.of()
                : List.of(Map.of("type", "chemical_handling", "expires_at", chemicalCertificationExpires.toString()));
        return api().body(Map.of("name", "Operador " + UUID.randomUUID().toString().substring(0, 4),
                "certifications", certifications)).post("/api/v1/production/operators").then().statusCode(201)
                .extract().path("id");
    }

    String certifiedOperator() {
        return operator(LocalDate.now(ZoneOffset.UTC).plusYears(1));
    }

    String reactor(OffsetDateTime nextMaintenance) {
        return api().body(reactorBody(nextMaintenance)).post("/api/v1/production/reactors").then().statusCode(201)
                .extract().path("id");
    }

    String reactor() {
        return reactor(OffsetDateTime.now(ZoneOffset.UTC).plusDays(30));
    }

    static Map<String, Object> reactorBody(OffsetDateTime nextMaintenance) {
        return Map.of("name", "Reactor A - Líquidos", "capacity", 500, "min_temperature", 5, "max_temperature", 80,
                "max_pressure", 3, "next_maintenance", nextMaintenance.toString());
    }

    String station() {
        return api().body(Map.of("name", "Estación Etiquetado Principal", "type", "labeling",
                "target_units_per_hour", 120, "maintenance_due", OffsetDateTime.now(ZoneOffset.UTC).plusDays(30)
                        .toString())).post("/api/v1/production/stations").then().statusCode(201).extract().path("id");
    }

    // ---- recipes ----

    /** A recipe's release limits: pH 7.0 (6.5 to 7.5) and density 1.05 g/ml, both critical. */
    static final List<Map<String, Object>> QUALITY_PARAMETERS = List.of(
            Map.of("parameter_name", "pH", "test_type", "ph", "target_value", 7.0, "tolerance_min", 6.5,
                    "tolerance_max", 7.5, "unit", "pH", "critical", true),
            Map.of("parameter_name", "Densidad", "test_type", "density", "target_value", 1.05, "unit", "g/ml",
                    "critical", true));

    /** A recipe body: one ingredient at {@code kgPerLitre}, a 60 °C / 1.5 bar step, pH 7.0 and density 1.05. */
    static Map<String, Object> recipeBody(String productId, String materialId, double kgPerLitre, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Limpiador multiusos");
        body.put("product_id", productId);
        body.put("product_category", category);
        body.put("description", "Base de limpiador");
        body.put("ingredients", List.of(Map.of("material_id", materialId, "quantity", kgPerLitre, "unit", "kg",
                "addition_order", 1, "critical", true)));
        body.put("steps", new ArrayList<>(List.of(Map.of("step_number", 1, "description", "Mezclar", "duration", 30,
                "temperature", 60, "pressure", 1.5, "critical_control_point", true, "verification_required", true))));
        body.put("quality_parameters", QUALITY_PARAMETERS);
        body.put("estimated_duration", 90);
        body.put("batch_size", 200);
        body.put("temperature_profile", List.of(Map.of("time", 0, "temperature", 25), Map.of("time", 30,
                "temperature", 60)));
        body.put("mixing_profile", List.of(Map.of("time", 0, "speed", 120)));
        return body;
    }

    String draftRecipe(Map<String, Object> body) {
        return api().body(body).post("/api/v1/production/recipes").then().statusCode(201).extract().path("id");
    }

    String approvedRecipe(Map<String, Object> body) {
        String id = draftRecipe(body);
        toTesting(id);
        api().body(Map.of("approved_by", "QFB Ana", "cofepris_compliance_verified", true))
                .put("/api/v1/production/recipes/" + id + "/approve").then().statusCode(200);
        return id;
    }

    void toTesting(String recipeId) {
        api().body(Map.of("status", "testing")).put("/api/v1/production/recipes/" + recipeId + "/status").then()
                .statusCode(200);
    }

    // ---- orders and batches ----

    String order(String productId, double litres) {
        return api().body(Map.of("product_id", productId, "quantity_ordered", litres, "priority", "normal",
                "due_date", OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).toString()))
                .post("/api/v1/production/orders").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> startBody(String productId, String recipeId, String orderId, String operatorId,
            double litres) {
        return Map.of("product_id", productId, "target_quantity", litres, "recipe_id", recipeId,
                "production_order_id", orderId, "operator_id", operatorId, "priority", "high");
    }

    ValidatableResponse startBatch(String reactorId, Map<String, Object> body) {
        return api().body(body).post("/api/v1/production/reactors/" + reactorId + "/start-batch").then();
    }

    /** The whole setup of a plant able to make a cleaning product from one stocked material. */
    final class Plant {
        final String productId;
        final String materialId;
        final String reactorId;
        final String recipeId;
        final String orderId;
        final String operatorId;

        Plant(double stockKg, double kgPerLitre, double orderedLitres, String category) {
            productId = product("Limpiador " + UUID.randomUUID().toString().substring(0, 4));
            materialId = material("Tensoactivo", List.of(lot("LOT-TA-" + UUID.randomUUID().toString().substring(0, 6),
                    stockKg, LocalDate.now(ZoneOffset.UTC).plusMonths(6))));
            reactorId = reactor();
            recipeId = approvedRecipe(recipeBody(productId, materialId, kgPerLitre, category));
            orderId = order(productId, orderedLitres);
            operatorId = certifiedOperator();
        }

        Map<String, Object> start(double litres) {
            return startBody(productId, recipeId, orderId, operatorId, litres);
        }

        /** Starts a batch and returns its id. */
        String started(double litres) {
            return startBatch(reactorId, start(litres)).statusCode(201).extract().path("id");
        }

        /** Starts a batch and brings it to its quality check; returns its id. */
        String atQualityCheck(double litres) {
            String batchId = started(litres);
            toQualityCheck(batchId, litres);
            return batchId;
        }
    }

    Plant plant(double stockKg, double kgPerLitre, double orderedLitres, String category) {
        return new Plant(stockKg, kgPerLitre, orderedLitres, category);
    }

    void toQualityCheck(String batchId, double litres) {
        changeStatus(batchId, Map.of("status", "quality_check", "quantity", litres));
    }

    void fail(String batchId, String reason) {
        changeStatus(batchId, Map.of("status", "failed", "reason", reason));
    }

    private void changeStatus(String batchId, Map<String, Object> change) {
        api().body(change).put("/api/v1/production/batches/" + batchId + "/status").then().statusCode(200);
    }

    /** A quality check that passes every rule of a cleaning product with pH 7.0 and density 1.05. */
    static Map<String, Object> passingCheck() {
        Map<String, Object> check = new HashMap<>();
        check.put("ph_level", 7.1);
        check.put("density", 1.06);
        check.put("viscosity", 300);
        check.put("color_match", true);
        check.put("fragrance_intensity", 6);
        check.put("microbiological_test", "passed");
        check.put("cofepris_compliance", true);
        check.put("tested_by", "QFB Ana");
        check.put("test_date", OffsetDateTime.now(ZoneOffset.UTC).toString());
        check.put("approved", true);
        return check;
    }

    /** {@link #passingCheck()} but for the fields of {@code change}. */
    static Map<String, Object> passingCheckWith(Map<String, Object> change) {
        Map<String, Object> check = passingCheck();
        check.putAll(change);
        return check;
    }

    ValidatableResponse qualityCheck(String batchId, Map<String, Object> check) {
        return api().body(check).put("/api/v1/production/batches/" + batchId + "/quality-check").then();
    }
}
