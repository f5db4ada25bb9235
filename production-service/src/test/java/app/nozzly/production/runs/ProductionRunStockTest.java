package app.nozzly.production.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.nozzly.testing.AtOnce;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Complete, cancel and fail (specs/000) against the real inventory-service: what leaves the spools, exactly
 * once, with the run as cause in inventory's ledger, and the events on production.runs.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class ProductionRunStockTest {

    @Test
    void curlFlowDeductsTheWeighedGramsOnceEvenWhenCompletedTwiceAtTheSameMoment() throws Exception {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Dragon Miniature", "MDL-DRAGON-001");
        String spool = runs.inventory.spool("FIL-001", 1000, 0.025);
        JsonPath run = runs.create(model, 5, spool, 150, 10, 25);
        String id = run.getString("id");
        runs.weigh(id, run.getString("materials[0].id"), 750, 630);

        Callable<Integer> complete = () -> runs.api().post("/api/v1/production-runs/" + id + "/complete")
                .statusCode();
        assertThat(AtOnce.times(2, complete)).containsExactlyInAnyOrder(200, 400);

        JsonPath done = runs.get(id);
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getString("completed_at")).isNotNull();
        assertThat(done.getDouble("duration_hours")).isGreaterThanOrEqualTo(0);
        assertThat(done.getDouble("actual_total_filament_grams")).isEqualTo(120);
        assertThat(runs.inventory.currentGrams(spool)).isEqualTo(880);
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(880);
        List<Map<String, Object>> ledger = runs.inventory.ledger(spool, UUID.fromString(id));
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).get("kind")).isEqualTo("consumption");
        assertThat(((Number) ledger.get(0).get("quantity")).doubleValue()).isEqualTo(120);

        runs.api().post("/api/v1/production-runs/" + id + "/complete").then().statusCode(400)
                .body("detail", containsString("already completed"));
        assertThat(runs.inventory.currentGrams(spool)).isEqualTo(880);
    }

    @Test
    void aRetryAfterACrashBetweenInventoryAndProductionDeductsOnceAndCompletes() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Dragon", "MDL-DR-CRASH");
        String spool = runs.inventory.spool("FIL-009", 1000, 0.025);
        JsonPath run = runs.create(model, 5, spool, 150, 10, 25);
        String id = run.getString("id");
        runs.weigh(id, run.getString("materials[0].id"), 750, 630);
        // exactly what the first complete sent before production-service died without committing
        assertThat(runs.inventory.move(Map.of("idempotency_key", "run-" + id + "-complete",
                "cause", Map.of("type", "production_run", "id", id, "ref", run.getString("run_number")),
                "note", "Production run " + run.getString("run_number") + " completed",
                "lines", List.of(
                        Map.of("item_type", "spool", "item_id", spool, "kind", "consumption", "quantity", 120.0,
                                "unit", "g", "reservation_id", run.getString("materials[0].reservation_id")),
                        Map.of("item_type", "model", "item_id", model, "kind", "production_output", "quantity", 5.0,
                                "unit", "units"))))).isEqualTo(201);
        assertThat(runs.inventory.currentGrams(spool)).isEqualTo(880);

        runs.api().post("/api/v1/production-runs/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("completed"));

        assertThat(runs.inventory.currentGrams(spool)).isEqualTo(880);
        assertThat(runs.inventory.finishedUnits(model)).isEqualTo(5);
        assertThat(runs.inventory.ledger(spool, UUID.fromString(id))).hasSize(1);
    }

    @Test
    void completingAddsSuccessfulUnitsToFinishedGoodsAndCostsEveryGram() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Dragon", "MDL-DR-COST");
        String spool = runs.inventory.spool("FIL-002", 1000, 0.025);
        JsonPath run = runs.create(model, 5, spool, 100, 5, 15);
        String id = run.getString("id");
        runs.api().body(Map.of("actual_model_weight_grams", 100, "actual_flushed_grams", 8, "actual_tower_grams", 12))
                .patch("/api/v1/production-runs/" + id + "/materials/" + run.getString("materials[0].id")).then()
                .statusCode(200);

        JsonPath done = runs.api().post("/api/v1/production-runs/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("completed")).body("successful_units", equalTo(5))
                .extract().jsonPath();

        assertThat(done.getDouble("actual_total_filament_grams")).isEqualTo(120);
        assertThat(done.getDouble("material_cost")).isEqualTo(3.0);
        assertThat(done.getDouble("material_cost_per_unit")).isEqualTo(0.6);
        assertThat(done.getDouble("materials[0].material_cost")).isEqualTo(3.0);
        assertThat(done.getInt("items[0].successful_quantity")).isEqualTo(5);
        assertThat(runs.inventory.currentGrams(spool)).isEqualTo(880);
        assertThat(runs.inventory.finishedUnits(model)).isEqualTo(5);
    }

    @Test
    void completeWithInsufficientInventoryAnswers400AndChangesNothing() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Vase", "MDL-VASE-SHORT");
        String spool = runs.inventory.spool("FIL-003", 300, 0.02);
        JsonPath run = runs.create(model, 1, spool, 100, 0, 0);
        String id = run.getString("id");
        runs.weigh(id, run.getString("materials[0].id"), 750, 330);

        runs.api().post("/api/v1/production-runs/" + id + "/complete").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Insufficient inventory"));

        assertThat(runs.get(id).getString("status")).isEqualTo("in_progress");
        assertThat(runs.get(id).getString("completed_at")).isNull();
        assertThat(runs.inventory.currentGrams(spool)).isEqualTo(300);
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(200);
        assertThat(runs.inventory.finishedUnits(model)).isZero();
        assertThat(runs.inventory.ledger(spool, UUID.fromString(id))).isEmpty();
    }

    @Test
    void completeFailsWhenAMaterialLacksActualUsage() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Cup", "MDL-CUP");
        String spool = runs.inventory.spool("FIL-004", 1000, 0.02);
        String id = runs.create(model, 1, spool, 100, 0, 0).getString("id");

        runs.api().post("/api/v1/production-runs/" + id + "/complete").then().statusCode(400)
                .body("detail", containsString("missing actual usage"));
        assertThat(runs.get(id).getString("status")).isEqualTo("in_progress");
        assertThat(runs.inventory.currentGrams(spool)).isEqualTo(1000);
    }

    @Test
    void aFailedRunsWasteAppearsInTheLedgerAsWasteCausedByTheRun() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Tower", "MDL-TOWER");
        String spool = runs.inventory.spool("FIL-005", 1000, 0.02);
        String id = runs.create(model, 4, spool, 150, 10, 25).getString("id");

        runs.api().body(Map.of("failure_reason", "warp_drive", "waste_materials", List.of()))
                .post("/api/v1/production-runs/" + id + "/fail").then().statusCode(400)
                .body("detail", containsString("failure_reason"));
        JsonPath failed = runs.api().body(Map.of("failure_reason", "layer_adhesion",
                "waste_materials", List.of(Map.of("spool_id", spool, "grams", 75)),
                "notes", "Failed at layer 50 due to adhesion issue"))
                .post("/api/v1/production-runs/" + id + "/fail").then().statusCode(200)
                .body("status", equalTo("failed")).body("failure_reason", equalTo("layer_adhesion"))
                .body("notes", equalTo("Failed at layer 50 due to adhesion issue"))
                .extract().jsonPath();
        assertThat(failed.getDouble("material_cost")).isEqualTo(1.5);

        assertThat(runs.inventory.currentGrams(spool)).isEqualTo(925);
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(925);
        List<Map<String, Object>> ledger = runs.inventory.ledger(spool, UUID.fromString(id));
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).get("kind")).isEqualTo("waste");
        assertThat(((Number) ledger.get(0).get("quantity")).doubleValue()).isEqualTo(75);
        @SuppressWarnings("unchecked")
        Map<String, Object> cause = (Map<String, Object>) ledger.get(0).get("cause");
        assertThat(cause).containsEntry("type", "production_run").containsEntry("id", id);

        runs.api().body(Map.of("failure_reason", "layer_adhesion")).post("/api/v1/production-runs/" + id + "/fail")
                .then().statusCode(400).body("detail", containsString("already failed"));
    }

    @Test
    void cancelWithFullReversalReleasesReservationsAndDeductsNothing() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Ring", "MDL-RING");
        String spool = runs.inventory.spool("FIL-006", 500, 0.02);
        String id = runs.create(model, 1, spool, 150, 10, 25).getString("id");
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(315);

        runs.api().body(Map.of("cancel_mode", "full_reversal")).post("/api/v1/production-runs/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("cancelled"))
                .body("cancel_mode", equalTo("full_reversal"));

        assertThat(runs.inventory.currentGrams(spool)).isEqualTo(500);
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(500);
        assertThat(runs.inventory.ledger(spool, UUID.fromString(id))).isEmpty();
        runs.api().body(Map.of("cancel_mode", "full_reversal")).post("/api/v1/production-runs/" + id + "/cancel")
                .then().statusCode(400).body("detail", containsString("already cancelled"));
    }

    @Test
    void cancelRecordingPartialUsageDeductsExactlyTheGivenGrams() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Star", "MDL-STAR");
        String spool = runs.inventory.spool("FIL-007", 500, 0.02);
        String id = runs.create(model, 1, spool, 150, 10, 25).getString("id");

        runs.api().body(Map.of("cancel_mode", "record_partial")).post("/api/v1/production-runs/" + id + "/cancel")
                .then().statusCode(400).body("detail", containsString("partial_usage"));
        runs.api().body(Map.of("cancel_mode", "record_partial", "partial_usage",
                List.of(Map.of("spool_id", UUID.randomUUID().toString(), "grams", 50))))
                .post("/api/v1/production-runs/" + id + "/cancel").then().statusCode(400)
                .body("detail", containsString("not a material"));
        runs.api().body(Map.of("cancel_mode", "record_partial", "partial_usage",
                List.of(Map.of("spool_id", spool, "grams", 50))))
                .post("/api/v1/production-runs/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("cancel_mode", equalTo("record_partial"));

        assertThat(runs.inventory.currentGrams(spool)).isEqualTo(450);
        assertThat(runs.inventory.availableGrams(spool)).isEqualTo(450);
        assertThat(runs.inventory.ledger(spool, UUID.fromString(id))).hasSize(1);
    }

    @Test
    void runEventsCarryStatusAndMaterialUsagePerSpool() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Fox", "MDL-FOX");
        String spool = runs.inventory.spool("FIL-008", 1000, 0.02);
        JsonPath run = runs.create(model, 2, spool, 80, 5, 5);
        String id = run.getString("id");
        runs.weigh(id, run.getString("materials[0].id"), 900, 810);
        runs.api().post("/api/v1/production-runs/" + id + "/complete").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = KafkaTopics.await("production.runs",
                r -> id.equals(r.key()), 2, Duration.ofSeconds(60));
        assertThat(records).hasSize(2);
        JsonPath created = JsonPath.from(records.get(0).value());
        JsonPath completed = JsonPath.from(records.get(1).value());
        assertThat(created.getString("type")).isEqualTo("production.run.created");
        assertThat(created.getString("tenant")).isEqualTo(runs.tenant);
        assertThat(created.getString("data.run_number")).isEqualTo(run.getString("run_number"));
        assertThat(created.getDouble("data.material_usage[0].grams")).isEqualTo(90);
        assertThat(completed.getString("type")).isEqualTo("production.run.completed");
        assertThat(completed.getString("subject")).isEqualTo(id);
        assertThat(completed.getString("data.status")).isEqualTo("completed");
        assertThat(completed.getString("data.material_usage[0].spool_id")).isEqualTo(spool);
        assertThat(completed.getDouble("data.material_usage[0].grams")).isEqualTo(90);
        assertThat(completed.getInt("data.items[0].successful_units")).isEqualTo(2);
    }
}
