package app.nozzly.production.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** specs/000 "Production Run Plates": lifecycle, illegal transitions, and the roll-up into the run's items. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class PlateResourceTest {

    private static final String PRINTER = "333e4444-e89b-12d3-a456-426614174000";

    @Test
    void platesFollowTheirLifecycleAndRollUpIntoTheItemsAndFinishedGoods() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Dragon Miniature", "MDL-DRAGON-PL");
        String spool = runs.inventory.spool("FIL-P1", 1000, 0.02);
        JsonPath run = runs.create(model, 8, spool, 150, 10, 25);
        String id = run.getString("id");
        String plates = "/api/v1/production-runs/" + id + "/plates";

        String first = runs.api().body(Map.of("plate_number", 1, "model_id", model, "printer_id", PRINTER,
                "copies_per_plate", 4, "estimated_print_time_minutes", 120, "notes", "First plate of dragon minis"))
                .post(plates).then().statusCode(201)
                .body("plate_number", equalTo(1)).body("model_id", equalTo(model)).body("printer_id", equalTo(PRINTER))
                .body("copies_per_plate", equalTo(4)).body("estimated_print_time_minutes", equalTo(120))
                .body("status", equalTo("pending")).body("notes", equalTo("First plate of dragon minis"))
                .extract().path("id");
        String second = runs.api().body(Map.of("model_id", model, "copies_per_plate", 4)).post(plates).then()
                .statusCode(201).body("plate_number", equalTo(2)).extract().path("id");
        runs.api().body(Map.of("plate_number", 1, "model_id", model, "copies_per_plate", 4)).post(plates).then()
                .statusCode(409).body("detail", containsString("already exists"));

        runs.api().post(plates + "/" + first + "/start").then().statusCode(200).body("status", equalTo("printing"));
        runs.api().post(plates + "/" + first + "/start").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("printing"));
        runs.api().queryParam("status_filter", "printing").get(plates).then().statusCode(200)
                .body("total", equalTo(1)).body("plates", hasSize(1)).body("plates[0].id", equalTo(first));
        runs.api().body(Map.of("successful_prints", 4, "failed_prints", 0, "notes", "All prints successful"))
                .post(plates + "/" + first + "/complete").then().statusCode(200)
                .body("status", equalTo("completed")).body("successful_prints", equalTo(4))
                .body("failed_prints", equalTo(0)).body("notes", equalTo("All prints successful"));

        runs.api().body(Map.of("successful_prints", 4)).post(plates + "/" + second + "/complete").then()
                .statusCode(409).body("detail", containsString("pending"));
        runs.api().post(plates + "/" + second + "/start").then().statusCode(200);
        runs.api().body(Map.of("successful_prints", 3, "failed_prints", 2)).post(plates + "/" + second + "/complete")
                .then().statusCode(400).body("detail", containsString("copies_per_plate"));
        runs.api().body(Map.of("successful_prints", 3, "failed_prints", 1)).post(plates + "/" + second + "/complete")
                .then().statusCode(200);

        runs.api().get(plates + "/" + second).then().statusCode(200).body("successful_prints", equalTo(3));
        runs.api().get(plates).then().statusCode(200).body("total", equalTo(2)).body("plates", hasSize(2));
        JsonPath rolled = runs.get(id);
        assertThat(rolled.getInt("items[0].successful_quantity")).isEqualTo(7);
        assertThat(rolled.getInt("items[0].failed_quantity")).isEqualTo(1);

        runs.weigh(id, run.getString("materials[0].id"), 900, 720);
        JsonPath done = runs.api().post("/api/v1/production-runs/" + id + "/complete").then().statusCode(200)
                .extract().jsonPath();
        assertThat(done.getInt("successful_units")).isEqualTo(7);
        assertThat(done.getInt("failed_units")).isEqualTo(1);
        assertThat(done.getDouble("material_cost")).isEqualTo(3.6);
        assertThat(done.getDouble("material_cost_per_unit")).isEqualTo(0.5143);
        assertThat(runs.inventory.finishedUnits(model)).isEqualTo(7);
    }

    @Test
    void aPlateFollowsItsPrintersJobEventsOnce() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Bust", "MDL-BUST-PL");
        String spool = runs.inventory.spool("FIL-P3", 1000, 0.02);
        String id = runs.create(model, 3, spool, 100, 0, 0).getString("id");
        String printer = UUID.randomUUID().toString();
        String plate = runs.api().body(Map.of("model_id", model, "printer_id", printer, "copies_per_plate", 3))
                .post("/api/v1/production-runs/" + id + "/plates").then().statusCode(201).extract().path("id");
        String path = "/api/v1/production-runs/" + id + "/plates/" + plate;

        String started = printerJob(runs.tenant, printer, "printer.job.started");
        KafkaTopics.send("printer.jobs", printer, started);
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> "printing".equals(runs.api().get(path).then().extract().path("status")));
        KafkaTopics.send("printer.jobs", printer, started);
        KafkaTopics.send("printer.jobs", printer, printerJob(runs.tenant, printer, "printer.job.finished"));
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> "completed".equals(runs.api().get(path).then().extract().path("status")));

        runs.api().get(path).then().body("successful_prints", equalTo(3)).body("failed_prints", equalTo(0));
        assertThat(runs.get(id).getInt("items[0].successful_quantity")).isEqualTo(3);
    }

    private static String printerJob(String tenant, String printer, String type) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/printer-service\","
                + "\"type\":\"" + type + "\",\"time\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\",\"subject\":\""
                + printer + "\",\"tenant\":\"" + tenant + "\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"printer_id\":\"" + printer + "\"}}";
    }

    @Test
    void failCancelAndDeleteFollowTheRulesAndTakeNotesAsQueryParameter() {
        RunsApi runs = new RunsApi();
        String model = runs.inventory.model("Knight", "MDL-KNIGHT-PL");
        String spool = runs.inventory.spool("FIL-P2", 1000, 0.02);
        String id = runs.create(model, 4, spool, 100, 0, 0).getString("id");
        String plates = "/api/v1/production-runs/" + id + "/plates";
        String a = runs.api().body(Map.of("model_id", model, "copies_per_plate", 2)).post(plates).then()
                .statusCode(201).extract().path("id");
        String b = runs.api().body(Map.of("model_id", model, "copies_per_plate", 2)).post(plates).then()
                .statusCode(201).extract().path("id");

        runs.api().post(plates + "/" + a + "/fail").then().statusCode(409);
        runs.api().post(plates + "/" + a + "/start").then().statusCode(200);
        runs.api().queryParam("notes", "spaghetti at layer 3").post(plates + "/" + a + "/fail").then()
                .statusCode(200).body("status", equalTo("failed")).body("notes", equalTo("spaghetti at layer 3"))
                .body("failed_prints", equalTo(2));
        runs.api().queryParam("notes", "not needed").post(plates + "/" + b + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("notes", equalTo("not needed"));
        runs.api().post(plates + "/" + b + "/cancel").then().statusCode(409);
        runs.api().body(Map.of("copies_per_plate", 3)).patch(plates + "/" + b).then().statusCode(409);
        runs.api().body(Map.of("notes", "kept for the record")).patch(plates + "/" + b).then().statusCode(200)
                .body("notes", equalTo("kept for the record"));
        runs.api().queryParam("status_filter", "bogus").get(plates).then().statusCode(400);
        String other = runs.inventory.model("Other", "MDL-OTHER-PL");
        runs.api().body(Map.of("model_id", other, "copies_per_plate", 1)).post(plates).then().statusCode(400)
                .body("detail", containsString("not an item"));

        runs.api().delete(plates + "/" + b).then().statusCode(204);
        runs.api().get(plates + "/" + b).then().statusCode(404);
        assertThat(runs.get(id).getInt("items[0].failed_quantity")).isEqualTo(2);
        new RunsApi().api().get(plates + "/" + a).then().statusCode(404);
    }
}
