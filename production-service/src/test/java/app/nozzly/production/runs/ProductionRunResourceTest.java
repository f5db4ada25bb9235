package app.nozzly.production.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.AtOnce;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** specs/000 endpoints as a client written against the spec uses them, against the real inventory-service. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class ProductionRunResourceTest {

    @Test
    void createAnswersTheSpecExampleWithItemsMaterialsModelAndSpool() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Dragon Miniature", "MDL-DRAGON-001");
        String spool = runs.inventory.spool("FIL-001", 1000, 0.025);

        JsonPath run = runs.api().body(RunsApi.specCreateBody(model, spool)).post("/api/v1/production-runs").then()
                .statusCode(201).header("Location", containsString("/api/v1/production-runs/"))
                .body("run_number", equalTo("20240315-001"))
                .body("status", equalTo("in_progress"))
                .body("started_at", equalTo("2024-03-15T08:00:00Z"))
                .body("completed_at", nullValue())
                .body("duration_hours", nullValue())
                .body("actual_total_filament_grams", nullValue())
                .body("notes", equalTo("Dragon miniatures batch"))
                .body("items", hasSize(1))
                .body("items[0].id", notNullValue())
                .body("items[0].model_id", equalTo(model))
                .body("items[0].quantity", equalTo(5))
                .body("items[0].model.id", equalTo(model))
                .body("items[0].model.name", equalTo("Dragon Miniature"))
                .body("items[0].model.sku", equalTo("MDL-DRAGON-001"))
                .body("materials", hasSize(1))
                .body("materials[0].id", notNullValue())
                .body("materials[0].spool_id", equalTo(spool))
                .body("materials[0].actual_model_weight_grams", nullValue())
                .body("materials[0].spool_weight_before_grams", nullValue())
                .body("materials[0].spool_weight_after_grams", nullValue())
                .body("materials[0].spool.id", equalTo(spool))
                .body("materials[0].spool.spool_id", equalTo("FIL-001"))
                .body("materials[0].spool.brand", equalTo("Bambu Lab"))
                .body("materials[0].spool.color", equalTo("Matte Black"))
                .body("materials[0].spool.material_type.code", equalTo("PLA"))
                .body("materials[0].spool.material_type.name", notNullValue())
                .extract().jsonPath();
        assertThat(run.getDouble("materials[0].estimated_model_weight_grams")).isEqualTo(150);
        assertThat(run.getDouble("materials[0].estimated_flushed_grams")).isEqualTo(10);
        assertThat(run.getDouble("materials[0].estimated_tower_grams")).isEqualTo(25);

        JsonPath fetched = runs.get(run.getString("id"));
        assertThat(fetched.getString("run_number")).isEqualTo("20240315-001");
        assertThat(fetched.getString("materials[0].spool.spool_id")).isEqualTo("FIL-001");
        assertThat(fetched.getString("items[0].model.sku")).isEqualTo("MDL-DRAGON-001");
    }

    @Test
    void createReservesTheEstimateSoTheNextRunSeesOnlyWhatIsLeft() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Vase", "MDL-VASE");
        String spool = runs.inventory.spool("FIL-200", 200, 0.02);

        runs.create(model, 1, spool, 150, 10, 25);
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(15);
        assertThat(runs.inventory.currentGrams(spool)).isEqualTo(200);

        runs.api().body(Map.of("items", List.of(Map.of("model_id", model, "quantity", 1)),
                "materials", List.of(Map.of("spool_id", spool, "estimated_model_weight_grams", 10,
                        "estimated_flushed_grams", 5, "estimated_tower_grams", 5))))
                .post("/api/v1/production-runs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("Insufficient inventory"));
        assertThat(runs.api().get("/api/v1/production-runs").then().statusCode(200).extract().jsonPath()
                .getInt("total")).isEqualTo(1);
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(15);
    }

    @Test
    void runNumberIsGeneratedAsDateAndSequenceAndStartedAtDefaultsToNow() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Cube", "MDL-CUBE");
        String spool = runs.inventory.spool("FIL-300", 1000, 0.02);
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);

        JsonPath first = runs.create(model, 1, spool, 10, 0, 0);
        JsonPath second = runs.create(model, 1, spool, 10, 0, 0);

        assertThat(first.getString("run_number")).isEqualTo(today + "-001");
        assertThat(second.getString("run_number")).isEqualTo(today + "-002");
        assertThat(first.getString("started_at")).startsWith(LocalDate.now(ZoneOffset.UTC).toString());
    }

    @Test
    void runNumbersStayUniqueUnderConcurrentCreates() throws Exception {
        RunsApi runs = new RunsApi();
        Callable<String> create = () -> runs.api()
                .body(Map.of("started_at", "2024-05-01T10:00:00Z", "items", List.of(), "materials", List.of()))
                .post("/api/v1/production-runs").then().statusCode(201).extract().path("run_number");
        List<String> issued = AtOnce.times(6, create);
        assertThat(issued).containsExactlyInAnyOrder("20240501-001", "20240501-002", "20240501-003",
                "20240501-004", "20240501-005", "20240501-006");
    }

    @Test
    void listPagesFiltersAndRefusesALimitAboveOneThousand() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Gear", "MDL-GEAR");
        String spool = runs.inventory.spool("FIL-400", 1000, 0.02);
        for (String day : List.of("2024-03-14", "2024-03-15", "2024-03-16")) {
            runs.api().body(Map.of("started_at", day + "T08:00:00Z", "items", List.of(), "materials",
                    List.of(Map.of("spool_id", spool, "estimated_model_weight_grams", 10))))
                    .post("/api/v1/production-runs").then().statusCode(201);
        }
        runs.api().body(Map.of("items", List.of(Map.of("model_id", model, "quantity", 1)), "materials", List.of()))
                .post("/api/v1/production-runs").then().statusCode(201);

        runs.api().get("/api/v1/production-runs").then().statusCode(200)
                .body("total", equalTo(4)).body("skip", equalTo(0)).body("limit", equalTo(100))
                .body("runs", hasSize(4))
                .body("runs[0].id", notNullValue()).body("runs[0].status", equalTo("in_progress"))
                .body("runs[0].created_at", notNullValue());
        runs.api().queryParam("skip", 1).queryParam("limit", 2).get("/api/v1/production-runs").then().statusCode(200)
                .body("total", equalTo(4)).body("skip", equalTo(1)).body("limit", equalTo(2)).body("runs", hasSize(2));
        runs.api().queryParam("start_date", "2024-03-15T00:00:00Z").queryParam("end_date", "2024-03-16T00:00:00Z")
                .get("/api/v1/production-runs").then().statusCode(200)
                .body("total", equalTo(1)).body("runs[0].started_at", equalTo("2024-03-15T08:00:00Z"));
        runs.api().queryParam("status_filter", "completed").get("/api/v1/production-runs").then().statusCode(200)
                .body("total", equalTo(0)).body("runs", hasSize(0));
        runs.api().queryParam("status_filter", "in_progress").get("/api/v1/production-runs").then()
                .statusCode(200).body("total", equalTo(4));
        runs.api().queryParam("limit", 1000).get("/api/v1/production-runs").then().statusCode(200);

        runs.api().queryParam("limit", 1001).get("/api/v1/production-runs").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("limit"));
        runs.api().queryParam("limit", 0).get("/api/v1/production-runs").then().statusCode(400);
        runs.api().queryParam("skip", -1).get("/api/v1/production-runs").then().statusCode(400);
        runs.api().queryParam("status_filter", "done").get("/api/v1/production-runs").then().statusCode(400)
                .body("detail", containsString("status_filter"));
        runs.api().queryParam("start_date", "yesterday").get("/api/v1/production-runs").then().statusCode(400)
                .body("detail", containsString("start_date"));
    }

    @Test
    void patchSetsNotesAndCompletedAtAndDerivesTheDuration() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Dragon", "MDL-D");
        String spool = runs.inventory.spool("FIL-500", 1000, 0.02);
        String id = runs.api().body(RunsApi.specCreateBody(model, spool)).post("/api/v1/production-runs").then()
                .statusCode(201).extract().path("id");

        JsonPath patched = runs.api().body(Map.of("notes", "Updated notes", "completed_at", "2024-03-15T12:30:00Z"))
                .patch("/api/v1/production-runs/" + id).then().statusCode(200)
                .body("notes", equalTo("Updated notes"))
                .body("completed_at", equalTo("2024-03-15T12:30:00Z"))
                .body("status", equalTo("in_progress"))
                .extract().jsonPath();
        assertThat(patched.getDouble("duration_hours")).isEqualTo(4.5);

        runs.api().body(Map.of("completed_at", "2024-03-15T07:00:00Z")).patch("/api/v1/production-runs/" + id)
                .then().statusCode(400).body("detail", containsString("before started_at"));
    }

    @Test
    void finishedRunsAcceptNotesOnlyAndRefuseItemAndMaterialChanges() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Bowl", "MDL-BOWL");
        String spool = runs.inventory.spool("FIL-600", 1000, 0.02);
        JsonPath run = runs.create(model, 2, spool, 50, 0, 0);
        String id = run.getString("id");
        runs.api().body(Map.of("cancel_mode", "full_reversal", "partial_usage", List.of()))
                .post("/api/v1/production-runs/" + id + "/cancel").then().statusCode(200);

        runs.api().body(Map.of("notes", "cancelled: customer changed mind")).patch("/api/v1/production-runs/" + id)
                .then().statusCode(200).body("notes", equalTo("cancelled: customer changed mind"));
        runs.api().body(Map.of("completed_at", "2030-01-01T00:00:00Z")).patch("/api/v1/production-runs/" + id)
                .then().statusCode(400).body("detail", containsString("only notes"));
        runs.api().body(Map.of("model_id", model, "quantity", 3)).post("/api/v1/production-runs/" + id + "/items")
                .then().statusCode(400);
        runs.api().body(Map.of("quantity", 5))
                .patch("/api/v1/production-runs/" + id + "/items/" + run.getString("items[0].id")).then()
                .statusCode(400).body("detail", containsString("cancelled"));
        runs.api().body(Map.of("spool_weight_before_grams", 750))
                .patch("/api/v1/production-runs/" + id + "/materials/" + run.getString("materials[0].id")).then()
                .statusCode(400);
        runs.api().delete("/api/v1/production-runs/" + id + "/materials/" + run.getString("materials[0].id"))
                .then().statusCode(400);
    }

    @Test
    void itemsAreAddedUpdatedAndDeletedWhileInProgress() {
        RunsApi runs = new RunsApi();
        String dragon = runs.inventory.model("Dragon", "MDL-DR");
        String knight = runs.inventory.model("Knight", "MDL-KN");
        String spool = runs.inventory.spool("FIL-700", 1000, 0.02);
        String id = runs.create(dragon, 5, spool, 100, 0, 0).getString("id");

        String itemId = runs.api().body(Map.of("model_id", knight, "quantity", 3))
                .post("/api/v1/production-runs/" + id + "/items").then().statusCode(201)
                .body("model_id", equalTo(knight)).body("quantity", equalTo(3))
                .body("model.name", equalTo("Knight")).body("model.sku", equalTo("MDL-KN"))
                .extract().path("id");
        runs.api().body(Map.of("quantity", 5)).patch("/api/v1/production-runs/" + id + "/items/" + itemId).then()
                .statusCode(200).body("quantity", equalTo(5));
        runs.api().body(Map.of("quantity", 0)).patch("/api/v1/production-runs/" + id + "/items/" + itemId).then()
                .statusCode(400).body("detail", containsString("quantity"));
        runs.api().body(Map.of("model_id", "00000000-0000-0000-0000-000000000001", "quantity", 1))
                .post("/api/v1/production-runs/" + id + "/items").then().statusCode(400)
                .body("detail", containsString("not found"));
        assertThat(runs.get(id).getList("items")).hasSize(2);

        runs.api().delete("/api/v1/production-runs/" + id + "/items/" + itemId).then().statusCode(204);
        runs.api().delete("/api/v1/production-runs/" + id + "/items/" + itemId).then().statusCode(404);
        assertThat(runs.get(id).getList("items")).hasSize(1);
    }

    @Test
    void materialsAreValidatedAgainstAvailableFilamentAndRecordActuals() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Lamp", "MDL-LAMP");
        String spool = runs.inventory.spool("FIL-800", 1000, 0.02);
        String small = runs.inventory.spool("FIL-801", 100, 0.02);
        String id = runs.create(model, 1, spool, 100, 0, 0).getString("id");

        String materialId = runs.api().body(Map.of("spool_id", spool, "estimated_model_weight_grams", 100,
                "estimated_flushed_grams", 5, "estimated_tower_grams", 15))
                .post("/api/v1/production-runs/" + id + "/materials").then().statusCode(201)
                .body("spool_id", equalTo(spool)).body("spool.spool_id", equalTo("FIL-800"))
                .extract().path("id");
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(780);

        runs.api().body(Map.of("spool_id", small, "estimated_model_weight_grams", 100,
                "estimated_flushed_grams", 5, "estimated_tower_grams", 15))
                .post("/api/v1/production-runs/" + id + "/materials").then().statusCode(400)
                .body("detail", containsString("Insufficient inventory"));
        runs.api().body(Map.of("spool_id", "00000000-0000-0000-0000-000000000002", "estimated_model_weight_grams", 1))
                .post("/api/v1/production-runs/" + id + "/materials").then().statusCode(400)
                .body("detail", containsString("not found"));

        JsonPath actuals = runs.api().body(Map.of("spool_weight_before_grams", 750, "spool_weight_after_grams", 630,
                "actual_model_weight_grams", 100, "actual_flushed_grams", 8, "actual_tower_grams", 12))
                .patch("/api/v1/production-runs/" + id + "/materials/" + materialId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(actuals.getDouble("spool_weight_before_grams")).isEqualTo(750);
        assertThat(actuals.getDouble("spool_weight_after_grams")).isEqualTo(630);
        assertThat(actuals.getDouble("actual_model_weight_grams")).isEqualTo(100);
        assertThat(actuals.getDouble("actual_total_grams")).isEqualTo(120);

        runs.api().body(Map.of("spool_weight_before_grams", 600, "spool_weight_after_grams", 630))
                .patch("/api/v1/production-runs/" + id + "/materials/" + materialId).then().statusCode(400)
                .body("detail", containsString("cannot exceed"));
        runs.api().body(Map.of("estimated_model_weight_grams", 200))
                .patch("/api/v1/production-runs/" + id + "/materials/" + materialId).then().statusCode(200);
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(680);

        runs.api().delete("/api/v1/production-runs/" + id + "/materials/" + materialId).then().statusCode(204);
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(900);
    }

    @Test
    void failureReasonsOfferTheSpecOptions() {
        RunsApi runs = new RunsApi();
        runs.api().get("/api/v1/production-runs/failure-reasons").then().statusCode(200)
                .body("[0].value", equalTo("layer_adhesion"))
                .body("[0].label", equalTo("Layer Adhesion Failure"))
                .body("[0].description", equalTo("Layers not bonding properly"))
                .body("value", org.hamcrest.Matchers.hasItems("bed_adhesion", "stringing"));
    }

    @Test
    void unknownAndOtherTenantsRunsAnswer404() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Owl", "MDL-OWL");
        String spool = runs.inventory.spool("FIL-900", 1000, 0.02);
        String id = runs.create(model, 1, spool, 10, 0, 0).getString("id");
        RunsApi other = new RunsApi();

        other.api().get("/api/v1/production-runs/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(id));
        other.api().post("/api/v1/production-runs/" + id + "/complete").then().statusCode(404);
        other.api().delete("/api/v1/production-runs/" + id).then().statusCode(404);
        other.api().get("/api/v1/production-runs").then().body("total", equalTo(0));
        runs.api().get("/api/v1/production-runs/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        runs.api().get("/api/v1/production-runs/not-a-uuid").then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"));
        runs.api().body("{\"notes\": ").post("/api/v1/production-runs").then().statusCode(400)
                .contentType("application/problem+json");
        runs.api().body(Map.of("notes", "no items")).post("/api/v1/production-runs").then().statusCode(400)
                .body("detail", containsString("items"));
        io.restassured.RestAssured.given().get("/api/v1/production-runs").then().statusCode(401);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + TestTokens.expired("x", "admin"))
                .get("/api/v1/production-runs").then().statusCode(401);
    }

    @Test
    void deleteReleasesReservationsAndRefusesRunsThatMovedStock() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Frog", "MDL-FROG");
        String spool = runs.inventory.spool("FIL-950", 1000, 0.02);
        String open = runs.create(model, 1, spool, 100, 0, 0).getString("id");
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(900);

        runs.api().delete("/api/v1/production-runs/" + open).then().statusCode(204);
        runs.api().get("/api/v1/production-runs/" + open).then().statusCode(404);
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(1000);

        JsonPath done = runs.create(model, 1, spool, 100, 0, 0);
        String doneId = done.getString("id");
        runs.weigh(doneId, done.getString("materials[0].id"), 900, 810);
        runs.api().post("/api/v1/production-runs/" + doneId + "/complete").then().statusCode(200);
        runs.api().delete("/api/v1/production-runs/" + doneId).then().statusCode(400)
                .body("detail", containsString("moved stock"));
        runs.get(doneId);
    }

    @Test
    void addingAModelTheRunAlreadyPrintsAddsToThatItemsQuantity() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Dragon Miniature", "MDL-DRAGON-ADD");
        String spool = runs.inventory.spool("FIL-ADD", 1000, 0.025);
        JsonPath run = runs.api().body(RunsApi.specCreateBody(model, spool)).post("/api/v1/production-runs").then()
                .statusCode(201).extract().jsonPath();
        String id = run.getString("id");

        runs.api().body(Map.of("model_id", model, "quantity", 3)).post("/api/v1/production-runs/" + id + "/items")
                .then().statusCode(201).body("id", equalTo(run.getString("items[0].id")))
                .body("model_id", equalTo(model)).body("quantity", equalTo(8));

        JsonPath fetched = runs.get(id);
        assertThat(fetched.getList("items")).hasSize(1);
        assertThat(fetched.getInt("items[0].quantity")).isEqualTo(8);
    }
}
