package app.nozzly.production.runs;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.nozzly.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** A client of /api/v1/production-runs for one fresh tenant, with that tenant's inventory set up alongside. */
final class RunsApi {

    final String tenant = "tenant-" + UUID.randomUUID();
    final String bearer = TestTokens.bearer(tenant, "admin");
    final Inventory inventory = new Inventory(bearer);

    RequestSpecification api() {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** The spec's create example with this tenant's model and spool. */
    static Map<String, Object> specCreateBody(String modelId, String spoolId) {
        return Map.of("run_number", "20240315-001", "started_at", "2024-03-15T08:00:00Z",
                "notes", "Dragon miniatures batch",
                "items", List.of(Map.of("model_id", modelId, "quantity", 5)),
                "materials", List.of(Map.of("spool_id", spoolId, "estimated_model_weight_grams", 150,
                        "estimated_flushed_grams", 10, "estimated_tower_grams", 25)));
    }

    /** The spec's Python example: notes, items and materials only. */
    JsonPath create(String modelId, int quantity, String spoolId, double model, double flushed, double tower) {
        return api().body(Map.of("notes", "Batch production",
                "items", List.of(Map.of("model_id", modelId, "quantity", quantity)),
                "materials", List.of(Map.of("spool_id", spoolId, "estimated_model_weight_grams", model,
                        "estimated_flushed_grams", flushed, "estimated_tower_grams", tower))))
                .post("/api/v1/production-runs").then().statusCode(201).extract().jsonPath();
    }

    JsonPath get(String runId) {
        return api().get("/api/v1/production-runs/" + runId).then().statusCode(200).extract().jsonPath();
    }

    void weigh(String runId, String materialId, double before, double after) {
        api().body(Map.of("spool_weight_before_grams", before, "spool_weight_after_grams", after))
                .patch("/api/v1/production-runs/" + runId + "/materials/" + materialId).then().statusCode(200);
    }
}
