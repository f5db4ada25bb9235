package app.nozzly.production.process;

import static app.nozzly.production.process.ProcessFixtures.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.nozzly.production.runs.InventoryServiceResource;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** specs/001 quality control: mandatory before completion, pH/density/microbiological/visual rules, metrics. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class BatchQualityTest {

    @Test
    void aBatchCompletesOnlyThroughItsQualityCheck() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        String batch = plant.started(50);
        f.api().body(Map.of("status", "completed")).put("/api/v1/production/batches/" + batch + "/status").then()
                .statusCode(409).body("error.code", equalTo("INVALID_STATE_TRANSITION"));
        f.api().get("/api/v1/production/batches/" + batch).then().body("status", equalTo("in_progress"));
        f.qualityCheck(batch, ProcessFixtures.passingCheck()).statusCode(200).body("status", equalTo("completed"));
        f.qualityCheck(batch, ProcessFixtures.passingCheck()).statusCode(409)
                .body("error.code", equalTo("INVALID_STATE_TRANSITION"));
    }

    @Test
    void passingQualityCheckCompletesTheBatchFreesTheReactorAndCountsTowardsTheOrder() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 50, "cleaning");
        String batch = plant.atQualityCheck(50);
        f.qualityCheck(batch, ProcessFixtures.passingCheck()).statusCode(200)
                .body("status", equalTo("completed"))
                .body("quantity", num(50))
                .body("actual_completion", org.hamcrest.Matchers.notNullValue())
                .body("quality_check.approved", equalTo(true));
        f.api().get("/api/v1/production/reactors/" + plant.reactorId).then().body("status", equalTo("idle"))
                .body("current_batch", equalTo(null));
        f.api().get("/api/v1/production/orders/" + plant.orderId).then().body("status", equalTo("completed"))
                .body("quantity_produced", num(50)).body("quantity_remaining", num(0));

        List<ConsumerRecord<String, String>> events = KafkaTopics.await("production.process",
                r -> batch.equals(r.key()) && r.value().contains("production.batch.status-changed"), 3,
                Duration.ofSeconds(30));
        assertThat(events).extracting(r -> JsonPath.from(r.value()).getString("data.new_status"))
                .containsExactly("in_progress", "quality_check", "completed");
        assertThat(JsonPath.from(events.get(2).value()).getString("tenant")).isEqualTo(f.tenant);
        assertThat(JsonPath.from(events.get(2).value()).getDouble("data.progress_percentage")).isEqualTo(100.0);
    }

    @Test
    void phMustBeWithinPointTwoOfTarget() {
        rejected("cleaning", Map.of("ph_level", 7.3), "pH");
    }

    @Test
    void densityMustBeWithinTwoPercentOfTarget() {
        rejected("cleaning", Map.of("density", 1.08), "Densidad");
    }

    @Test
    void criticalParametersMustBeMeasured() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        String batch = plant.atQualityCheck(50);
        Map<String, Object> check = ProcessFixtures.passingCheck();
        check.remove("density");
        f.qualityCheck(batch, check).statusCode(422).body("error.code", equalTo("PROD006"))
                .body("error.details.failures", hasItem(containsString("not measured")));
    }

    @Test
    void cleaningProductsNeedAPassedMicrobiologicalTest() {
        rejected("cleaning", Map.of("microbiological_test", "pending"), "microbiological");
    }

    @Test
    void healthAndWellnessProductsNeedAFullVisualInspection() {
        rejected("health_wellness", Map.of("visual_inspection_percentage", 90), "visual inspection");
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "health_wellness");
        String batch = plant.atQualityCheck(50);
        f.qualityCheck(batch, ProcessFixtures.passingCheckWith(Map.of("visual_inspection_percentage", 100,
                "microbiological_test", "pending"))).statusCode(200).body("status", equalTo("completed"));
    }

    @Test
    void aRejectedQualityCheckFailsTheBatchAndFreesTheReactor() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        String batch = plant.atQualityCheck(50);
        Map<String, Object> check = ProcessFixtures.passingCheckWith(Map.of("approved", false));
        f.qualityCheck(batch, check).statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        check.put("rejection_reason", "color fuera de estándar");
        f.qualityCheck(batch, check).statusCode(200).body("status", equalTo("failed"))
                .body("failure_reason", equalTo("color fuera de estándar"));
        f.api().get("/api/v1/production/reactors/" + plant.reactorId).then().body("status", equalTo("idle"));
        f.api().get("/api/v1/production/orders/" + plant.orderId).then().body("quantity_produced", num(0));
    }

    @Test
    void qualityMetricPassedIsComputedAndAFailureRaisesAnAlertWithSeverityAndDeviation() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "cleaning");
        String batch = plant.started(50);
        Map<String, Object> ph = new HashMap<>(Map.of("batch_id", batch, "test_type", "ph", "parameter_name", "pH",
                "measured_value", 7.5, "target_value", 7.0, "tolerance_min", 6.5, "tolerance_max", 7.5, "unit", "pH",
                "test_method", "potenciómetro", "tested_by", "QFB Ana"));
        ph.put("critical", true);
        ph.put("passed", true);
        ph.put("test_date", OffsetDateTime.now(ZoneOffset.UTC).toString());
        f.api().body(ph).post("/api/v1/production/quality-metrics").then().statusCode(201)
                .body("passed", equalTo(false)).body("retest_required", equalTo(true));

        Map<String, Object> density = new HashMap<>(ph);
        density.putAll(Map.of("test_type", "density", "parameter_name", "Densidad", "measured_value", 1.06,
                "target_value", 1.05, "tolerance_min", 1.0, "tolerance_max", 1.1, "unit", "g/ml"));
        f.api().body(density).post("/api/v1/production/quality-metrics").then().statusCode(201)
                .body("passed", equalTo(true));

        f.api().get("/api/v1/production/quality-metrics?batch_id=" + batch).then().body("total", equalTo(2));
        f.api().get("/api/v1/production/quality-metrics?batch_id=" + batch + "&passed_only=true").then()
                .body("total", equalTo(1)).body("items[0].test_type", equalTo("density"));
        f.api().get("/api/v1/production/quality-metrics?product_id=" + plant.productId + "&test_type=ph").then()
                .body("total", equalTo(1));
        f.api().get("/api/v1/production/batches/" + batch).then().body("quality_metrics", hasSize(2));

        List<ConsumerRecord<String, String>> alerts = KafkaTopics.await("production.process",
                r -> batch.equals(r.key()) && r.value().contains("production.quality.alert"), 1, Duration.ofSeconds(30));
        assertThat(alerts).hasSize(1);
        JsonPath alert = JsonPath.from(alerts.get(0).value());
        assertThat(alert.getDouble("data.deviation_percentage")).isEqualTo(7.14);
        assertThat(alert.getString("data.severity")).isEqualTo("high");
        assertThat(alert.getBoolean("data.cofepris_impact")).isTrue();
        assertThat(alert.getString("data.parameter_name")).isEqualTo("pH");
    }

    @Test
    void batchesListFiltersAndPages() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 500, "cleaning");
        String first = plant.started(50);
        f.fail(first, "agitador detenido");
        String second = plant.started(60);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        f.api().get("/api/v1/production/batches?reactor_id=" + plant.reactorId + "&limit=1&page=2").then()
                .statusCode(200).body("total", equalTo(2)).body("items", hasSize(1)).body("page", equalTo(2))
                .body("items[0].id", equalTo(first));
        f.api().get("/api/v1/production/batches?status=in_progress&product_id=" + plant.productId + "&operator_id="
                + plant.operatorId + "&date_from=" + today + "&date_to=" + today).then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(second));
        f.api().get("/api/v1/production/batches?date_to=2000-01-01").then().body("total", equalTo(0));
    }

    private static void rejected(String category, Map<String, Object> change, String failureMentions) {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, category);
        String batch = plant.atQualityCheck(50);
        Map<String, Object> check = ProcessFixtures.passingCheckWith(Map.of("visual_inspection_percentage", 100));
        check.putAll(change);
        f.qualityCheck(batch, check).statusCode(422).body("error.code", equalTo("PROD006"))
                .body("error.details.failures", hasItem(containsString(failureMentions)));
        f.api().get("/api/v1/production/batches/" + batch).then().body("status", equalTo("quality_check"));
    }
}
