package app.nozzly.production.process;

import static app.nozzly.production.process.ProcessFixtures.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.production.runs.InventoryServiceResource;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A client written from specs/001 alone. Only the setup the spec leaves open goes through our own APIs (products
 * and raw materials in inventory, operators, reactors and stations registered); everything else is the spec's own
 * calls with the spec's own fields: it writes a recipe, approves it, orders, starts a batch, measures, releases it
 * through the quality check, sends it to a station and reads back lists of any length.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class Spec001ClientTest {

    private static final String BASE = "/api/v1/production";

    @Test
    void aSpecOnlyClientGoesFromRecipeToStation() {
        ProcessFixtures f = new ProcessFixtures();
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusMonths(6);
        String productId = f.product("Limpiador multiusos");
        String surfactant = f.material("Tensoactivo", List.of(ProcessFixtures.lot("TA-1", 100, later)));
        String fragrance = f.material("Fragancia pino", List.of(ProcessFixtures.lot("FP-1", 1, later)));
        String operatorId = f.certifiedOperator();
        String reactorId = f.reactor();
        String stationId = f.station();

        String recipeId = f.api().body(recipe(productId, surfactant, fragrance)).post(BASE + "/recipes").then()
                .statusCode(201).body("version", equalTo("1.0")).body("status", equalTo("draft"))
                .body("ingredients[1].unit", equalTo("mg")).extract().path("id");
        f.api().body(Map.of("approved_by", "QFB Ana", "cofepris_compliance_verified", true,
                "test_batch_results", "3 lotes piloto OK")).put(BASE + "/recipes/" + recipeId + "/approve").then()
                .statusCode(200).body("status", equalTo("approved")).body("cofepris_approved", equalTo(true));

        String orderId = f.api().body(Map.of("product_id", productId, "quantity_ordered", 100, "priority", "high",
                "due_date", OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).toString(), "customer_order_id", "CL-77"))
                .post(BASE + "/orders").then().statusCode(201).body("status", equalTo("pending"))
                .body("quantity_remaining", num(100)).extract().path("id");

        String batchId = f.api().body(Map.of("product_id", productId, "target_quantity", 100, "recipe_id", recipeId,
                "production_order_id", orderId, "operator_id", operatorId, "priority", "high", "notes", "primer lote"))
                .post(BASE + "/reactors/" + reactorId + "/start-batch").then().statusCode(201)
                .body("status", equalTo("in_progress")).body("batch_number", notNullValue())
                .extract().path("id");
        // 0.1 kg/L and 500 mg/L of 100 L: 10 kg of surfactant and 50 g (0.05 kg) of fragrance left inventory
        assertThat(f.materialQuantity(surfactant)).isEqualTo(90.0);
        assertThat(f.materialQuantity(fragrance)).isEqualTo(0.95);
        f.api().get(BASE + "/reactors/" + reactorId).then().statusCode(200).body("status", equalTo("mixing"))
                .body("current_batch.id", equalTo(batchId));

        f.api().body(metric(batchId)).post(BASE + "/quality-metrics").then().statusCode(201)
                .body("passed", equalTo(true));
        f.api().body(ProcessFixtures.passingCheck()).put(BASE + "/batches/" + batchId + "/quality-check").then()
                .statusCode(200).body("status", equalTo("completed")).body("quantity", num(100))
                .body("quality_metrics", hasSize(1));
        f.api().get(BASE + "/reactors/" + reactorId).then().body("status", equalTo("idle"));
        f.api().get(BASE + "/orders?customer_order_id=CL-77").then().statusCode(200)
                .body("items[0].status", equalTo("completed")).body("items[0].quantity_produced", num(100))
                .body("items[0].batches", equalTo(List.of(batchId)));

        f.api().body(Map.of("batch_id", batchId, "target_units", 200, "operator_id", operatorId, "priority",
                "normal", "quality_check_frequency", 25)).post(BASE + "/stations/" + stationId + "/start-production")
                .then().statusCode(200).body("status", equalTo("running"))
                .body("current_product.id", equalTo(productId));

        f.api().get(BASE + "/recipes").then().statusCode(200).body("items.id", equalTo(List.of(recipeId)));
        f.api().get(BASE + "/stations").then().statusCode(200).body("items[0].status", equalTo("running"));
        f.api().get(BASE + "/quality-metrics?batch_id=" + batchId + "&test_type=ph&passed_only=true").then()
                .statusCode(200).body("items", hasSize(1));
        f.api().get(BASE + "/batches?status=completed&reactor_id=" + reactorId).then().statusCode(200)
                .body("items.id", equalTo(List.of(batchId)));
    }

    @Test
    void listsTheSpecDoesNotPageAnswerEveryRow() {
        ProcessFixtures f = new ProcessFixtures();
        List<String> reactors = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            reactors.add(f.reactor());
        }
        for (int i = 0; i < 22; i++) {
            f.station();
        }
        String productId = f.product("Jabón líquido");
        String material = f.material("Base jabón", List.of(ProcessFixtures.lot("BJ-1", 10,
                LocalDate.now(ZoneOffset.UTC).plusMonths(6))));
        for (int i = 0; i < 21; i++) {
            Map<String, Object> body = ProcessFixtures.recipeBody(productId, material, 0.1, "cleaning");
            body.put("name", "Jabón " + i);
            f.draftRecipe(body);
        }

        JsonPath all = f.api().get(BASE + "/reactors").then().statusCode(200).body("total", equalTo(25))
                .extract().jsonPath();
        assertThat(all.getList("items.id", String.class)).containsExactlyInAnyOrderElementsOf(reactors);
        f.api().get(BASE + "/stations").then().statusCode(200).body("items", hasSize(22)).body("total", equalTo(22));
        f.api().get(BASE + "/recipes").then().statusCode(200).body("items", hasSize(21)).body("total", equalTo(21));
        // our paging stays available to clients that ask for it
        f.api().get(BASE + "/reactors?limit=10&page=3").then().statusCode(200).body("items", hasSize(5))
                .body("total_pages", equalTo(3));
    }

    @Test
    void pagedListsLeadThroughEveryRow() {
        ProcessFixtures f = new ProcessFixtures();
        String productId = f.product("Gel antibacterial");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            created.add(f.order(productId, 10 + i));
        }

        List<String> read = new ArrayList<>();
        JsonPath first = f.api().get(BASE + "/orders").then().statusCode(200).body("page", equalTo(1))
                .extract().jsonPath();
        read.addAll(first.getList("items.id", String.class));
        for (int page = 2; page <= first.getInt("total_pages"); page++) {
            read.addAll(f.api().get(BASE + "/orders?page=" + page).then().statusCode(200).extract().jsonPath()
                    .getList("items.id", String.class));
        }
        assertThat(first.getInt("total")).isEqualTo(23);
        assertThat(read).containsExactlyInAnyOrderElementsOf(created);
    }

    /** The spec's Recipe as a client would post it: its own fields only, one ingredient in mg. */
    private static Map<String, Object> recipe(String productId, String surfactant, String fragrance) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Limpiador multiusos pino");
        body.put("product_id", productId);
        body.put("version", "1.0");
        body.put("description", "Limpiador de superficies con aroma a pino");
        body.put("ingredients", List.of(
                Map.of("material_id", surfactant, "material_name", "Tensoactivo", "quantity", 0.1, "unit", "kg",
                        "addition_order", 1, "critical", true),
                Map.of("material_id", fragrance, "material_name", "Fragancia pino", "quantity", 500, "unit", "mg",
                        "addition_order", 2, "addition_time", 20, "critical", false)));
        body.put("steps", List.of(Map.of("step_number", 1, "description", "Mezclar", "duration", 30,
                "temperature", 40, "mixing_speed", 120, "critical_control_point", true,
                "verification_required", true)));
        body.put("quality_parameters", ProcessFixtures.QUALITY_PARAMETERS);
        body.put("estimated_duration", 90);
        body.put("batch_size", 200);
        body.put("temperature_profile", List.of(Map.of("time", 0, "temperature", 25)));
        body.put("mixing_profile", List.of(Map.of("time", 0, "speed", 120)));
        body.put("cofepris_approved", false);
        body.put("created_by", "QFB Ana");
        body.put("status", "draft");
        return body;
    }

    private static Map<String, Object> metric(String batchId) {
        Map<String, Object> metric = new HashMap<>(Map.of("batch_id", batchId, "test_type", "ph", "parameter_name",
                "pH", "measured_value", 7.1, "target_value", 7.0, "tolerance_min", 6.8, "tolerance_max", 7.2, "unit",
                "pH", "test_method", "potenciómetro", "tested_by", "QFB Ana"));
        metric.put("critical", true);
        metric.put("test_date", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return metric;
    }
}
