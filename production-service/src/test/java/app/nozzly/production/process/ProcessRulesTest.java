package app.nozzly.production.process;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.production.runs.InventoryServiceResource;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every specs/001 rule and PROD code, triggered through the API as a plant's client would. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class ProcessRulesTest {

    @Test
    void unknownReactorIsProd001() {
        ProcessFixtures f = new ProcessFixtures();
        f.api().get("/api/v1/production/reactors/" + UUID.randomUUID()).then().statusCode(404)
                .body("error.code", equalTo("PROD001"))
                .body("error.message", notNullValue());
        f.api().get("/api/v1/production/reactors/not-a-uuid").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void anotherTenantsReactorIsProd001() {
        ProcessFixtures a = new ProcessFixtures();
        ProcessFixtures b = new ProcessFixtures();
        String reactorId = a.reactor();
        b.api().get("/api/v1/production/reactors/" + reactorId).then().statusCode(404)
                .body("error.code", equalTo("PROD001"));
        b.api().get("/api/v1/production/reactors").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void startWithRecipeNotApprovedIsProd003() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        String draft = f.draftRecipe(ProcessFixtures.recipeBody(plant.productId, plant.materialId, 0.1, "cleaning"));
        f.startBatch(plant.reactorId, ProcessFixtures.startBody(plant.productId, draft, plant.orderId,
                plant.operatorId, 50)).statusCode(422)
                .body("error.code", equalTo("PROD003"))
                .body("error.details.status", equalTo("draft"));
    }

    @Test
    void unknownBatchIsProd005() {
        ProcessFixtures f = new ProcessFixtures();
        f.api().get("/api/v1/production/batches/" + UUID.randomUUID()).then().statusCode(404)
                .body("error.code", equalTo("PROD005"));
        f.qualityCheck(UUID.randomUUID().toString(), ProcessFixtures.passingCheck()).statusCode(404)
                .body("error.code", equalTo("PROD005"));
    }

    @Test
    void startProductionOnStationOutOfServiceIsProd007() {
        ProcessFixtures f = new ProcessFixtures();
        String stationId = f.station();
        f.api().body(Map.of("status", "maintenance")).put("/api/v1/production/stations/" + stationId + "/status")
                .then().statusCode(200);
        f.api().body(Map.of("batch_id", UUID.randomUUID().toString(), "target_units", 100, "operator_id",
                f.certifiedOperator(), "priority", "normal", "quality_check_frequency", 10))
                .post("/api/v1/production/stations/" + stationId + "/start-production").then().statusCode(409)
                .body("error.code", equalTo("PROD007"));
    }

    @Test
    void batchOnCancelledOrderIsProd008() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        f.api().body(Map.of("status", "cancelled")).put("/api/v1/production/orders/" + plant.orderId + "/status")
                .then().statusCode(200).body("status", equalTo("cancelled"));
        f.startBatch(plant.reactorId, plant.start(50)).statusCode(409).body("error.code", equalTo("PROD008"));
        f.api().body(Map.of("batch_id", UUID.randomUUID().toString()))
                .put("/api/v1/production/orders/" + plant.orderId + "/assign-batch").then().statusCode(409)
                .body("error.code", equalTo("PROD008"));
    }

    @Test
    void readingOutsideTheReactorsTemperatureRangeIsProd009() {
        ProcessFixtures f = new ProcessFixtures();
        String reactorId = f.reactor();
        f.api().body(Map.of("status", "heating", "temperature", 95)).put("/api/v1/production/reactors/" + reactorId
                + "/status").then().statusCode(422).body("error.code", equalTo("PROD009"));
        f.api().get("/api/v1/production/reactors/" + reactorId).then().body("status", equalTo("idle"));
    }

    @Test
    void recipeHotterThanTheReactorAllowsIsProd009() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        Map<String, Object> hot = ProcessFixtures.recipeBody(plant.productId, plant.materialId, 0.1, "cleaning");
        hot.put("steps", List.of(Map.of("step_number", 1, "description", "Saponificar", "duration", 30,
                "temperature", 95, "critical_control_point", true, "verification_required", true)));
        String recipe = f.approvedRecipe(hot);
        f.startBatch(plant.reactorId, ProcessFixtures.startBody(plant.productId, recipe, plant.orderId,
                plant.operatorId, 50)).statusCode(422).body("error.code", equalTo("PROD009"));
    }

    @Test
    void pressureAboveTheReactorsMaximumIsProd010() {
        ProcessFixtures f = new ProcessFixtures();
        String reactorId = f.reactor();
        f.api().body(Map.of("status", "mixing", "pressure", 3.5)).put("/api/v1/production/reactors/" + reactorId
                + "/status").then().statusCode(422).body("error.code", equalTo("PROD010"));
        f.api().body(Map.of("status", "mixing", "temperature", 60, "pressure", 2.5, "mixing_speed", 150,
                "ph_level", 7.2)).put("/api/v1/production/reactors/" + reactorId + "/status").then().statusCode(200)
                .body("status", equalTo("mixing"))
                .body("pressure", ProcessFixtures.num(2.5))
                .body("mixing_speed", ProcessFixtures.num(150))
                .body("ph_level", ProcessFixtures.num(7.2));
    }

    @Test
    void approvingARecipeWithoutCofeprisVerificationIsProd011() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        String draft = f.draftRecipe(ProcessFixtures.recipeBody(plant.productId, plant.materialId, 0.1, "cleaning"));
        f.toTesting(draft);
        f.api().body(Map.of("approved_by", "QFB Ana", "cofepris_compliance_verified", false))
                .put("/api/v1/production/recipes/" + draft + "/approve").then().statusCode(422)
                .body("error.code", equalTo("PROD011"));
        f.api().get("/api/v1/production/recipes/" + draft).then().body("status", equalTo("testing"))
                .body("cofepris_approved", equalTo(false));
    }

    @Test
    void releasingABatchWithoutCofeprisComplianceIsProd011() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        String batch = plant.atQualityCheck(50);
        f.qualityCheck(batch, ProcessFixtures.passingCheckWith(Map.of("cofepris_compliance", false))).statusCode(422)
                .body("error.code", equalTo("PROD011"));
    }

    @Test
    void operatorWithoutValidChemicalCertificationIsProd012() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        String expired = f.operator(LocalDate.now(ZoneOffset.UTC).minusDays(1));
        String none = f.operator(null);
        f.startBatch(plant.reactorId, ProcessFixtures.startBody(plant.productId, plant.recipeId, plant.orderId,
                expired, 50)).statusCode(422).body("error.code", equalTo("PROD012"));
        f.startBatch(plant.reactorId, ProcessFixtures.startBody(plant.productId, plant.recipeId, plant.orderId,
                none, 50)).statusCode(422).body("error.code", equalTo("PROD012"));
        f.startBatch(plant.reactorId, ProcessFixtures.startBody(plant.productId, plant.recipeId, plant.orderId,
                UUID.randomUUID().toString(), 50)).statusCode(422).body("error.code", equalTo("PROD012"));
        f.api().get("/api/v1/production/reactors/" + plant.reactorId).then().body("status", equalTo("idle"));
    }

    @Test
    void maintenanceCannotBePostponedMoreThanSevenDays() {
        ProcessFixtures f = new ProcessFixtures();
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.SECONDS);
        String reactorId = f.reactor(due);
        f.api().body(Map.of("next_maintenance", due.plusDays(8).toString()))
                .put("/api/v1/production/reactors/" + reactorId + "/maintenance").then().statusCode(422)
                .body("error.code", equalTo("MAINTENANCE_POSTPONED"));
        f.api().body(Map.of("next_maintenance", due.plusDays(7).toString()))
                .put("/api/v1/production/reactors/" + reactorId + "/maintenance").then().statusCode(200);
        OffsetDateTime done = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        f.api().body(Map.of("last_maintenance", done.toString(), "next_maintenance", done.plusDays(90).toString()))
                .put("/api/v1/production/reactors/" + reactorId + "/maintenance").then().statusCode(200)
                .body("maintenance_hours", ProcessFixtures.num(0));
    }

    @Test
    void reactorWhoseMaintenanceIsOverdueByMoreThanSevenDaysTakesNoBatch() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        String overdue = f.reactor(OffsetDateTime.now(ZoneOffset.UTC).minusDays(8));
        f.startBatch(overdue, plant.start(50)).statusCode(422).body("error.code", equalTo("MAINTENANCE_OVERDUE"));
    }

    @Test
    void aReactorHoldingABatchCannotGoIntoMaintenance() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        plant.started(50);
        f.api().body(Map.of("status", "maintenance")).put("/api/v1/production/reactors/" + plant.reactorId
                + "/status").then().statusCode(409).body("error.code", equalTo("PROD002"));
    }

    @Test
    void invalidInputIsA400WithTheProdErrorBodyAndNamesTheField() {
        ProcessFixtures f = new ProcessFixtures();
        f.api().body(Map.of("name", "R", "capacity", -1)).post("/api/v1/production/reactors").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fields.field", hasItem("capacity"));
        f.api().body("{\"status\": \"boiling\"}").put("/api/v1/production/reactors/" + f.reactor() + "/status")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fields.field", hasItem("status"))
                .body("error.message", containsString("idle, mixing, heating"));
        f.api().get("/api/v1/production/batches?status=done").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        f.api().get("/api/v1/production/batches?limit=1000").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void recipeForAProductInventoryDoesNotKnowIsRefused() {
        ProcessFixtures f = new ProcessFixtures();
        String material = f.material("Agua", List.of(ProcessFixtures.lot("AG-1", 10, LocalDate.now().plusDays(30))));
        f.api().body(ProcessFixtures.recipeBody(UUID.randomUUID().toString(), material, 0.5, "cleaning"))
                .post("/api/v1/production/recipes").then().statusCode(422)
                .body("error.code", equalTo("PRODUCT_NOT_FOUND"));
    }

    @Test
    void recipeVersionsCountUpAndApprovingANewVersionDeprecatesTheOldOne() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        Map<String, Object> body = ProcessFixtures.recipeBody(plant.productId, plant.materialId, 0.12, "cleaning");
        String v11 = f.draftRecipe(body);
        f.api().get("/api/v1/production/recipes/" + v11).then().body("version", equalTo("1.1"))
                .body("status", equalTo("draft"));
        f.toTesting(v11);
        f.api().body(Map.of("approved_by", "QFB Ana", "cofepris_compliance_verified", true,
                "test_batch_results", "3 lotes piloto OK")).put("/api/v1/production/recipes/" + v11 + "/approve")
                .then().statusCode(200).body("status", equalTo("approved")).body("cofepris_approved", equalTo(true))
                .body("approved_by", equalTo("QFB Ana")).body("approval_date", notNullValue());
        f.api().get("/api/v1/production/recipes/" + plant.recipeId).then().body("version", equalTo("1.0"))
                .body("status", equalTo("deprecated"));
        f.api().body(Map.of("approved_by", "QFB Ana", "cofepris_compliance_verified", true))
                .put("/api/v1/production/recipes/" + plant.recipeId + "/approve").then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE_TRANSITION"));
        f.startBatch(plant.reactorId, plant.start(50)).statusCode(422).body("error.code", equalTo("PROD003"));
        f.api().get("/api/v1/production/recipes?status=approved&product_id=" + plant.productId).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(v11));
    }

    @Test
    void ordersAreNumberedPoYearSequence() {
        ProcessFixtures f = new ProcessFixtures();
        String product = f.product("Gel antibacterial");
        int year = OffsetDateTime.now(ZoneOffset.UTC).getYear();
        String first = f.order(product, 10);
        String second = f.order(product, 20);
        f.api().get("/api/v1/production/orders/" + first).then().body("order_number", equalTo("PO-" + year + "-001"))
                .body("quantity_produced", ProcessFixtures.num(0)).body("quantity_remaining", ProcessFixtures.num(10))
                .body("status", equalTo("pending"));
        f.api().get("/api/v1/production/orders/" + second).then().body("order_number", equalTo("PO-" + year + "-002"));
        f.api().get("/api/v1/production/orders?priority=normal&product_id=" + product + "&limit=1").then()
                .statusCode(200).body("total", equalTo(2)).body("items.size()", equalTo(1))
                .body("total_pages", equalTo(2));
        f.api().get("/api/v1/production/orders?status=completed").then().body("total", equalTo(0));
    }

    @Test
    void stationsStartProductionOnlyOfReleasedBatchesAndQueueWhileBusy() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        String batch = plant.started(50);
        String stationId = f.station();
        Map<String, Object> start = new HashMap<>(Map.of("batch_id", batch, "target_units", 100, "operator_id",
                plant.operatorId, "priority", "normal", "quality_check_frequency", 10));
        f.api().body(start).post("/api/v1/production/stations/" + stationId + "/start-production").then()
                .statusCode(422).body("error.code", equalTo("PROD006"));

        f.toQualityCheck(batch, 50);
        f.qualityCheck(batch, ProcessFixtures.passingCheck()).statusCode(200).body("status", equalTo("completed"));
        f.api().body(start).post("/api/v1/production/stations/" + stationId + "/start-production").then()
                .statusCode(200).body("status", equalTo("running"))
                .body("current_product.id", equalTo(plant.productId));
        f.api().body(start).post("/api/v1/production/stations/" + stationId + "/start-production").then()
                .statusCode(200).body("queue.id", hasItem(plant.orderId));
        f.api().body(Map.of("status", "running", "units_per_hour", 90, "units_produced", 45))
                .put("/api/v1/production/stations/" + stationId + "/status").then().statusCode(200)
                .body("efficiency", ProcessFixtures.num(75.0)).body("units_produced_today", equalTo(45));
        f.api().body(Map.of("status", "idle")).put("/api/v1/production/stations/" + stationId + "/status").then()
                .statusCode(200).body("status", equalTo("running")).body("queue.size()", equalTo(0));
    }

    @Test
    void aRecipeIsApprovedStraightFromDraftAsTheSpecShowsIt() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        String draft = f.draftRecipe(ProcessFixtures.recipeBody(plant.productId, plant.materialId, 0.1, "cleaning"));
        f.api().body(Map.of("approved_by", "QFB Ana", "cofepris_compliance_verified", true))
                .put("/api/v1/production/recipes/" + draft + "/approve").then().statusCode(200)
                .body("status", equalTo("approved")).body("cofepris_approved", equalTo(true));
        f.api().body(Map.of("approved_by", "QFB Ana", "cofepris_compliance_verified", true))
                .put("/api/v1/production/recipes/" + draft + "/approve").then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE_TRANSITION"));
        f.startBatch(plant.reactorId, ProcessFixtures.startBody(plant.productId, draft, plant.orderId,
                plant.operatorId, 50)).statusCode(201);
    }

}
