package app.nozzly.production.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A client written from specs/000 alone. Only the setup the spec leaves open goes through inventory's API (spools
 * and models); everything else is the spec's own calls and examples: create, add the example's item and material,
 * plates, weigh, complete, cancel, fail, and read back lists of any length.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class Spec000ClientTest {

    private static final String RUNS = "/api/v1/production-runs";
    private static final String PRINTER = "333e4444-e89b-12d3-a456-426614174000";

    @Test
    void aSpecOnlyClientRunsPrintsAndCompletesARun() {
        RunsApi client = new RunsApi();
        String dragon = client.inventory.model("Dragon Miniature", "MDL-DRAGON-001");
        String knight = client.inventory.model("Knight", "MDL-KNIGHT-001");
        String spool = client.inventory.spool("FIL-001", 1000, 0.025);
        String spare = client.inventory.spool("FIL-002", 500, 0.02);

        JsonPath run = client.api().body(Map.of("notes", "Dragon miniatures batch",
                "items", List.of(Map.of("model_id", dragon, "quantity", 5)),
                "materials", List.of(Map.of("spool_id", spool, "estimated_model_weight_grams", 150,
                        "estimated_flushed_grams", 10, "estimated_tower_grams", 25))))
                .post(RUNS).then().statusCode(201).body("status", equalTo("in_progress"))
                .body("run_number", notNullValue()).extract().jsonPath();
        String id = run.getString("id");
        String runPath = RUNS + "/" + id;

        // "Add Item" with the spec's example: 3 more of the model the create example prints
        client.api().body(Map.of("model_id", dragon, "quantity", 3)).post(runPath + "/items").then()
                .statusCode(201).body("model_id", equalTo(dragon)).body("quantity", equalTo(8));
        String knightItem = client.api().body(Map.of("model_id", knight, "quantity", 3)).post(runPath + "/items")
                .then().statusCode(201).extract().path("id");
        client.api().body(Map.of("quantity", 4)).patch(runPath + "/items/" + knightItem).then().statusCode(200)
                .body("quantity", equalTo(4));
        String spareMaterial = client.api().body(Map.of("spool_id", spare, "estimated_model_weight_grams", 100,
                "estimated_flushed_grams", 5, "estimated_tower_grams", 15)).post(runPath + "/materials").then()
                .statusCode(201).extract().path("id");
        client.api().delete(runPath + "/materials/" + spareMaterial).then().statusCode(204);

        String first = plate(client, runPath, 1, dragon);
        String second = plate(client, runPath, 2, dragon);
        String third = plate(client, runPath, 3, knight);
        client.api().post(runPath + "/plates/" + first + "/start").then().statusCode(200)
                .body("status", equalTo("printing"));
        client.api().get(runPath + "/plates?status_filter=printing").then().statusCode(200)
                .body("plates", hasSize(1));
        client.api().body(Map.of("successful_prints", 4, "failed_prints", 0, "notes", "All prints successful"))
                .post(runPath + "/plates/" + first + "/complete").then().statusCode(200)
                .body("status", equalTo("completed"));
        client.api().post(runPath + "/plates/" + second + "/start").then().statusCode(200);
        client.api().post(runPath + "/plates/" + second + "/fail?notes=spaghetti").then().statusCode(200)
                .body("status", equalTo("failed"));
        client.api().post(runPath + "/plates/" + third + "/start").then().statusCode(200);
        client.api().body(Map.of("successful_prints", 4, "failed_prints", 0))
                .post(runPath + "/plates/" + third + "/complete").then().statusCode(200);
        client.api().get(runPath + "/plates/" + third).then().statusCode(200).body("successful_prints", equalTo(4));

        client.api().body(Map.of("spool_weight_before_grams", 750, "spool_weight_after_grams", 630))
                .patch(runPath + "/materials/" + run.getString("materials[0].id")).then().statusCode(200);
        JsonPath done = client.api().post(runPath + "/complete").then().statusCode(200)
                .body("status", equalTo("completed")).body("completed_at", notNullValue())
                .body("duration_hours", notNullValue()).extract().jsonPath();
        assertThat(done.getDouble("actual_total_filament_grams")).isEqualTo(120.0);
        assertThat(client.inventory.currentGrams(spool)).isEqualTo(880.0);
        assertThat(client.inventory.finishedUnits(dragon)).isEqualTo(4.0);
        assertThat(client.inventory.finishedUnits(knight)).isEqualTo(4.0);

        client.api().body(Map.of("notes", "Updated notes")).patch(runPath).then().statusCode(200)
                .body("notes", equalTo("Updated notes"));
        client.api().post(runPath + "/complete").then().statusCode(400);
    }

    @Test
    void aSpecOnlyClientCancelsAndFailsRunsWithTheSpecsBodies() {
        RunsApi client = new RunsApi();
        String dragon = client.inventory.model("Dragon", "MDL-DR-CF");
        String spool = client.inventory.spool("FIL-010", 1000, 0.02);
        String cancelled = client.create(dragon, 2, spool, 100, 0, 0).getString("id");
        String failed = client.create(dragon, 2, spool, 100, 0, 0).getString("id");

        client.api().body(Map.of("cancel_mode", "record_partial", "partial_usage",
                List.of(Map.of("spool_id", spool, "grams", 50)))).post(RUNS + "/" + cancelled + "/cancel").then()
                .statusCode(200).body("status", equalTo("cancelled"));
        String reason = client.api().get(RUNS + "/failure-reasons").then().statusCode(200).extract()
                .path("[0].value");
        client.api().body(Map.of("failure_reason", reason, "waste_materials",
                List.of(Map.of("spool_id", spool, "grams", 75)), "notes", "Failed at layer 50 due to adhesion issue"))
                .post(RUNS + "/" + failed + "/fail").then().statusCode(200).body("status", equalTo("failed"));

        assertThat(client.inventory.currentGrams(spool)).isEqualTo(875.0);
        client.api().get(RUNS + "?status_filter=cancelled").then().statusCode(200).body("total", equalTo(1))
                .body("runs[0].id", equalTo(cancelled));
        client.api().get(RUNS + "?status_filter=failed").then().statusCode(200).body("runs[0].id", equalTo(failed));
    }

    @Test
    void aSpecOnlyClientReadsEveryRunBySkipAndLimit() {
        RunsApi client = new RunsApi();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(client.api().body(Map.of("started_at", "2024-03-1" + i + "T08:00:00Z", "items", List.of(),
                    "materials", List.of())).post(RUNS).then().statusCode(201).extract().<String>path("id"));
        }
        String id = created.get(0);
        String model = client.inventory.model("Cube", "MDL-CUBE-PL");
        client.api().body(Map.of("model_id", model, "quantity", 101)).post(RUNS + "/" + id + "/items").then()
                .statusCode(201);
        for (int i = 0; i < 101; i++) {
            client.api().body(Map.of("model_id", model, "copies_per_plate", 1)).post(RUNS + "/" + id + "/plates")
                    .then().statusCode(201);
        }

        List<String> read = new ArrayList<>();
        int total;
        int skip = 0;
        do {
            JsonPath page = client.api().get(RUNS + "?skip=" + skip + "&limit=3").then().statusCode(200)
                    .body("skip", equalTo(skip)).body("limit", equalTo(3)).extract().jsonPath();
            total = page.getInt("total");
            read.addAll(page.getList("runs.id", String.class));
            skip += 3;
        } while (skip < total);
        assertThat(read).containsExactlyInAnyOrderElementsOf(created);

        // "List Plates" has no paging in the spec: every plate comes back
        client.api().get(RUNS + "/" + id + "/plates").then().statusCode(200).body("plates", hasSize(101))
                .body("total", equalTo(101));
    }

    private static String plate(RunsApi client, String runPath, int number, String model) {
        return client.api().body(Map.of("plate_number", number, "model_id", model, "printer_id", PRINTER,
                "copies_per_plate", 4, "estimated_print_time_minutes", 120)).post(runPath + "/plates").then()
                .statusCode(201).body("status", equalTo("pending")).extract().path("id");
    }
}
