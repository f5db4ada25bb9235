package app.nozzly.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Each API of the service answers every error in its own family: the /api/v1 inventory API with RFC 9457 problem
 * details, specs/002's /api/filaments with {"error", "status"} ("Error Responses"). The service has no rate limits,
 * so it never answers 429.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class ErrorResponsesTest {

    private static final String PROBLEM = "application/problem+json";
    private final String tenant = Inventory.newTenant();

    @Test
    void theInventoryApiAnswersProblemDetails() {
        Inventory.materialType(tenant, "PLA");
        Inventory.as(tenant).body(Map.of("material_type", "PLA", "initial_weight_grams", "heavy"))
                .post("/api/v1/spools").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://api.nozzly.app/problems/validation-error"))
                .body("title", equalTo("Bad Request")).body("status", is(400))
                .body("code", equalTo("VALIDATION_ERROR")).body("request_id", notNullValue())
                .body("fields[0].field", equalTo("initial_weight_grams"))
                .body("fields[0].message", equalTo("must be a number"));
        given().get("/api/v1/spools").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer")).body("status", is(401))
                .body("code", equalTo("UNAUTHORIZED"));
        Inventory.as(tenant, "viewer").body(Map.of("material_type", "PLA", "initial_weight_grams", 1000))
                .post("/api/v1/spools").then().statusCode(403).contentType(PROBLEM).body("status", is(403))
                .body("code", equalTo("FORBIDDEN"));
        Inventory.as(tenant).get("/api/v1/spools/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://api.nozzly.app/problems/not-found")).body("status", is(404));
        Inventory.admin(tenant).body(Map.of("code", "PLA")).post("/api/v1/material-types").then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("https://api.nozzly.app/problems/conflict"))
                .body("status", is(409)).body("detail", equalTo("material type PLA already exists"));
        given().get("/api/v1/nothing-here").then().statusCode(401).contentType(PROBLEM)
                .body("code", equalTo("UNAUTHORIZED"));
        Inventory.as(tenant, "viewer").get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("NOT_FOUND"));
        Response failed = Inventory.as(tenant).header("X-Request-Id", "inv-500-1").get("/api/v1/inventory/failing");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith(PROBLEM);
        assertThat(failed.jsonPath().getString("code")).isEqualTo("INTERNAL_ERROR");
        assertThat(failed.jsonPath().getString("request_id")).isEqualTo("inv-500-1");
        assertThat(failed.asString()).doesNotContain("app.nozzly").doesNotContain("IllegalState")
                .doesNotContain("line 42");
    }

    @Test
    void theFilamentApiAnswersTheErrorShapeOfSpecs002() {
        String[] shape = {"error", "status"};
        Inventory.as(tenant).body(Map.of("material", "PLA", "initial_amount", "a lot")).post("/api/filaments")
                .then().statusCode(400).contentType("application/json").body("keySet()", containsInAnyOrder(shape))
                .body("status", is(400)).body("error", equalTo("initial_amount: must be a number"));
        given().get("/api/filaments").then().statusCode(401).contentType("application/json")
                .body("keySet()", containsInAnyOrder(shape)).body("status", is(401));
        Inventory.as(tenant, "viewer").body(Map.of("material", "PLA", "initial_amount", 1000)).post("/api/filaments")
                .then().statusCode(403).body("keySet()", containsInAnyOrder(shape)).body("status", is(403));
        Inventory.as(tenant).get("/api/filaments/" + UUID.randomUUID()).then().statusCode(404)
                .body("keySet()", containsInAnyOrder(shape)).body("error", equalTo("Filament not found"));

        String filament = Inventory.as(tenant).body(Map.of("material", "PLA", "initial_amount", 1000))
                .post("/api/filaments").then().statusCode(201).extract().path("id");
        Inventory.as(tenant).body(Map.of("idempotency_key", "hold-1", "spool_id", filament, "grams", 10))
                .post("/api/v1/inventory/reservations").then().statusCode(201);
        Inventory.as(tenant).delete("/api/filaments/" + filament).then().statusCode(409)
                .body("keySet()", containsInAnyOrder(shape)).body("status", is(409));

        Inventory.as(tenant, "viewer").post("/api/filaments/1/spools").then().statusCode(404)
                .body("keySet()", containsInAnyOrder(shape)).body("status", is(404));
        Response failed = Inventory.as(tenant).get("/api/filaments/failing");
        assertThat(failed.statusCode()).isEqualTo(500);
        Map<String, Object> body = failed.jsonPath().getMap("");
        assertThat(body).containsOnlyKeys("error", "status").containsEntry("status", 500);
        assertThat(failed.asString()).doesNotContain("app.nozzly").doesNotContain("line 42");
    }
}
