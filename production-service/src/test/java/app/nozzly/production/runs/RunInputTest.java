package app.nozzly.production.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Input specs/000's clients may send that the service cannot store answers 400 naming the field, never a 5xx, and
 * changes nothing: dates beyond what the columns hold, numbers beyond int or a tonne of filament, NUL, texts longer
 * than their columns, unknown or camelCase properties, malformed parameters.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class RunInputTest {

    private static final String RUNS = "/api/v1/production-runs";

    private static void refused(Response answer, String field) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getList("fields.field", String.class)).as(answer.asString()).contains(field);
    }

    private static Map<String, Object> run(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Map.of("notes", "plain", "items", List.of(), "materials", List.of()));
        body.put(field, value);
        return body;
    }

    @Test
    void createRefusesWhatTheColumnsCannotHoldAndCreatesNothing() {
        RunsApi runs = new RunsApi();
        refused(runs.api().body(run("started_at", "+999999999-12-31T23:59:59Z")).post(RUNS), "started_at");
        refused(runs.api().body(run("run_number", "R".repeat(65))).post(RUNS), "run_number");
        refused(runs.api().body(run("notes", "n".repeat(100_000))).post(RUNS), "notes");
        refused(runs.api().body(run("notes", "a\u0000b")).post(RUNS), "notes");
        refused(runs.api().body(run("runNumber", "CAMEL-1")).post(RUNS), "runNumber");
        String model = UUID.randomUUID().toString();
        for (String quantity : List.of("9223372036854775808", "2.5", "0")) {
            refused(runs.api().body("{\"items\": [{\"model_id\": \"" + model + "\", \"quantity\": " + quantity
                    + "}], \"materials\": []}").post(RUNS), "items[0].quantity");
        }
        String spool = UUID.randomUUID().toString();
        for (String grams : List.of("1e400", "1e308", "-1")) {
            refused(runs.api().body("{\"items\": [], \"materials\": [{\"spool_id\": \"" + spool
                    + "\", \"estimated_model_weight_grams\": " + grams + "}]}").post(RUNS),
                    "materials[0].estimated_model_weight_grams");
        }
        runs.api().get(RUNS).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aRunKeepsItsValuesWhenAChangeIsRefused() {
        RunsApi runs = new RunsApi();
        String id = runs.api().body(Map.of("started_at", "2024-03-15T08:00:00Z", "notes", "kept", "items", List.of(),
                "materials", List.of())).post(RUNS).then().statusCode(201).extract().path("id");

        refused(runs.api().body(Map.of("completed_at", "+999999999-12-31T23:59:59Z")).patch(RUNS + "/" + id),
                "completed_at");
        refused(runs.api().body(Map.of("completed_at", "10000-01-01T00:00:00Z")).patch(RUNS + "/" + id),
                "completed_at");
        refused(runs.api().body(Map.of("notes", "x".repeat(2001))).patch(RUNS + "/" + id), "notes");
        refused(runs.api().body(Map.of("completedAt", "2024-03-15T12:00:00Z")).patch(RUNS + "/" + id),
                "completedAt");
        refused(runs.api().body(Map.of("cancel_mode", "half")).post(RUNS + "/" + id + "/cancel"), "cancel_mode");
        refused(runs.api().body(Map.of("failure_reason", "r".repeat(65))).post(RUNS + "/" + id + "/fail"),
                "failure_reason");
        refused(runs.api().body(Map.of("model_id", UUID.randomUUID().toString(), "copies_per_plate", 0))
                .post(RUNS + "/" + id + "/plates"), "copies_per_plate");
        refused(runs.api().body(Map.of("model_id", UUID.randomUUID().toString(), "file_name", "f".repeat(256)))
                .post(RUNS + "/" + id + "/plates"), "file_name");

        runs.api().get(RUNS + "/" + id).then().statusCode(200).body("status", equalTo("in_progress"))
                .body("notes", equalTo("kept")).body("completed_at", equalTo(null));
    }

    @Test
    void malformedPathAndQueryValuesAre400NamingTheParameter() {
        RunsApi runs = new RunsApi();
        runs.api().get(RUNS + "/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("detail", containsString("id"));
        runs.api().queryParam("status_filter", "done").get(RUNS).then().statusCode(400)
                .body("detail", containsString("status_filter")).body("detail", containsString("in_progress"));
        runs.api().queryParam("start_date", "yesterday").get(RUNS).then().statusCode(400)
                .body("detail", containsString("start_date"));
        runs.api().queryParam("start_date", "+999999999-01-01T00:00:00Z").get(RUNS).then().statusCode(400)
                .body("detail", containsString("start_date"));
        runs.api().queryParam("skip", "lots").get(RUNS).then().statusCode(400)
                .body("detail", containsString("skip"));
        runs.api().queryParam("limit", 1001).get(RUNS).then().statusCode(400)
                .body("fields[0].field", equalTo("limit"));
        runs.api().queryParam("start_date", "2024-03-16").queryParam("end_date", "2024-03-15").get(RUNS).then()
                .statusCode(400).body("fields[0].field", equalTo("start_date"));
        runs.api().urlEncodingEnabled(false).get(RUNS + "?status_filter=in%00progress").then().statusCode(400);
        runs.api().queryParam("skip", Integer.MAX_VALUE).get(RUNS).then().statusCode(200)
                .body("runs.size()", equalTo(0));
    }
}
