package app.nozzly.production.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.production.runs.InventoryServiceResource;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** specs/001 start-batch against the real inventory-service: consumption, lots, PROD004, PROD002. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class BatchStartTest {

    @Test
    void startingBatchConsumesRecipeIngredientsFromInventoryWithTheBatchAsCauseAndKeepsTheLots() {
        ProcessFixtures f = new ProcessFixtures();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String productId = f.product("Limpiador pino");
        String materialId = f.material("Tensoactivo", List.of(
                ProcessFixtures.lot("TA-EARLY", 5, today.plusDays(20)),
                ProcessFixtures.lot("TA-LATE", 100, today.plusDays(200))));
        String reactorId = f.reactor();
        String recipeId = f.approvedRecipe(ProcessFixtures.recipeBody(productId, materialId, 0.1, "cleaning"));
        String orderId = f.order(productId, 100);
        String operatorId = f.certifiedOperator();

        JsonPath batch = f.startBatch(reactorId, ProcessFixtures.startBody(productId, recipeId, orderId, operatorId,
                100)).statusCode(201)
                .body("status", equalTo("in_progress"))
                .body("batch_number", notNullValue())
                .body("recipe.id", equalTo(recipeId))
                .body("production_order_id", equalTo(orderId))
                .extract().jsonPath();
        String batchId = batch.getString("id");

        // 0.1 kg per litre x 100 L = 10 kg, first expiry first out: 5 from TA-EARLY, 5 from TA-LATE
        assertThat(f.materialQuantity(materialId)).isEqualTo(95.0);
        JsonPath ledger = f.inventory().queryParam("cause_type", "batch").queryParam("cause_id", batchId)
                .get(ProcessFixtures.inv("/api/v1/inventory/transactions")).then().statusCode(200).extract().jsonPath();
        // one ledger row per lot taken, all consumption of this material, 10 kg in all
        assertThat(ledger.getList("items.kind", String.class)).containsOnly("consumption");
        assertThat(ledger.getList("items.item_id", String.class)).containsOnly(materialId);
        assertThat(ledger.getList("items.quantity", Number.class).stream().mapToDouble(Number::doubleValue).sum())
                .isEqualTo(10.0);

        f.api().get("/api/v1/production/batches/" + batchId + "/traceability").then().statusCode(200)
                .body("batch_number", equalTo(batch.getString("batch_number")))
                .body("ingredients", hasSize(2))
                .body("ingredients.find { it.lot_number == 'TA-EARLY' }.quantity", ProcessFixtures.num(5.0))
                .body("ingredients.find { it.lot_number == 'TA-LATE' }.quantity", ProcessFixtures.num(5.0));
        f.api().get("/api/v1/production/traceability/lots/TA-EARLY").then().statusCode(200)
                .body("batches", hasSize(1))
                .body("batches[0].batch_id", equalTo(batchId))
                .body("batches[0].material_id", equalTo(materialId));

        f.api().get("/api/v1/production/reactors/" + reactorId).then().statusCode(200)
                .body("status", equalTo("mixing"))
                .body("current_batch.id", equalTo(batchId));
        f.api().get("/api/v1/production/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("in_progress"))
                .body("batches", equalTo(List.of(batchId)));
    }

    @Test
    void startFailsWithProd004WhenRawMaterialsAreInsufficientAndConsumesNothing() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(3, 0.1, 100, "cleaning");

        f.startBatch(plant.reactorId, plant.start(100)).statusCode(422)
                .body("error.code", equalTo("PROD004"))
                .body("error.details.shortages[0].material_id", equalTo(plant.materialId))
                .body("error.details.shortages[0].requested", ProcessFixtures.num(10.0))
                .body("error.details.shortages[0].available", ProcessFixtures.num(3.0));

        assertThat(f.materialQuantity(plant.materialId)).isEqualTo(3.0);
        f.inventory().queryParam("item_id", plant.materialId).queryParam("kind", "consumption")
                .get(ProcessFixtures.inv("/api/v1/inventory/transactions")).then().statusCode(200)
                .body("items", hasSize(0));
        f.api().get("/api/v1/production/batches?reactor_id=" + plant.reactorId).then().statusCode(200)
                .body("total", equalTo(0));
        f.api().get("/api/v1/production/reactors/" + plant.reactorId).then().statusCode(200)
                .body("status", equalTo("idle"))
                .body("current_batch", equalTo(null));
    }

    @Test
    void aReactorProcessesOneBatchAtATimeProd002() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 300, "cleaning");
        String first = plant.started(100);

        f.startBatch(plant.reactorId, plant.start(100)).statusCode(409)
                .body("error.code", equalTo("PROD002"))
                .body("error.details.current_batch_id", equalTo(first));
        // the refused start consumed nothing: only the first batch's 10 kg left the material
        assertThat(f.materialQuantity(plant.materialId)).isEqualTo(90.0);
    }

    @Test
    void batchNumbersAreUniqueLotNumbersPerTenant() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 300, "cleaning");
        String first = plant.started(50);
        f.fail(first, "fuga en válvula");
        String second = plant.started(50);

        String a = f.api().get("/api/v1/production/batches/" + first).then().extract().path("batch_number");
        String b = f.api().get("/api/v1/production/batches/" + second).then().extract().path("batch_number");
        assertThat(a).matches("LOT-\\d{8}-\\d{3}");
        assertThat(b).matches("LOT-\\d{8}-\\d{3}").isNotEqualTo(a);
    }

    @Test
    void anIngredientInMilligramsIsConsumedFromInventoryAsGrams() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        String fragrance = f.material("Fragancia", List.of(ProcessFixtures.lot("FR-1", 1,
                LocalDate.now(ZoneOffset.UTC).plusDays(90))));
        Map<String, Object> body = ProcessFixtures.recipeBody(plant.productId, plant.materialId, 0.1, "cleaning");
        body.put("name", "Limpiador con fragancia");
        body.put("ingredients", List.of(
                Map.of("material_id", plant.materialId, "quantity", 0.1, "unit", "kg", "addition_order", 1,
                        "critical", true),
                Map.of("material_id", fragrance, "quantity", 250, "unit", "mg", "addition_order", 2,
                        "critical", false)));
        String recipe = f.approvedRecipe(body);

        f.startBatch(plant.reactorId, ProcessFixtures.startBody(plant.productId, recipe, plant.orderId,
                plant.operatorId, 100)).statusCode(201);

        // 250 mg/L x 100 L = 25 g = 0.025 kg
        assertThat(f.materialQuantity(fragrance)).isEqualTo(0.975);
        assertThat(f.materialQuantity(plant.materialId)).isEqualTo(90.0);
    }

    @Test
    void anIngredientUnitThatCannotBecomeTheMaterialsUnitIsRefusedWhenTheRecipeIsWritten() {
        ProcessFixtures f = new ProcessFixtures();
        String productId = f.product("Limpiador");
        String materialId = f.material("Tensoactivo", List.of(ProcessFixtures.lot("TA-U", 10,
                LocalDate.now(ZoneOffset.UTC).plusDays(90))));
        Map<String, Object> litres = ProcessFixtures.recipeBody(productId, materialId, 0.1, "cleaning");
        litres.put("ingredients", List.of(Map.of("material_id", materialId, "quantity", 100, "unit", "ml",
                "addition_order", 1, "critical", true)));
        Map<String, Object> ounces = ProcessFixtures.recipeBody(productId, materialId, 0.1, "cleaning");
        ounces.put("ingredients", List.of(Map.of("material_id", materialId, "quantity", 1, "unit", "oz",
                "addition_order", 1, "critical", true)));

        f.api().body(litres).post("/api/v1/production/recipes").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.message", containsString("counts it in kg"));
        f.api().body(ounces).post("/api/v1/production/recipes").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.message", containsString("mg, g, kg"));
        f.api().get("/api/v1/production/recipes").then().body("total", equalTo(0));
    }
}
