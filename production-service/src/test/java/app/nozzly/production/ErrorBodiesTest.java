package app.nozzly.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Each API answers every error in its own body: /api/v1/production-runs (specs/000 is silent) with RFC 9457 problem
 * details whose "detail" FastAPI clients read, /api/v1/production/ with specs/001's {"error": {code, message,
 * details}}. 400 from a field of the wrong type, 401, 403, 404, 409 and 500, each with a request id to quote and no
 * Java internals.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class ErrorBodiesTest {

    private static final String RUNS = "/api/v1/production-runs";
    private static final String PROCESS = "/api/v1/production";

    private final String tenant = "errors-" + UUID.randomUUID();

    private RequestSpecification as(String... roles) {
        return given().header("Authorization", TestTokens.bearer(tenant, roles)).contentType(ContentType.JSON);
    }

    private static void problem(Response answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(answer.jsonPath().getString("code")).isEqualTo(code);
        assertThat(answer.jsonPath().getString("type")).startsWith("https://api.nozzly.app/problems/");
        assertThat(answer.jsonPath().getString("title")).isNotBlank();
        assertThat(answer.jsonPath().getString("detail")).isNotBlank();
        assertThat(answer.jsonPath().getString("request_id")).isEqualTo(answer.header("X-Request-Id"));
        assertThat(answer.asString()).doesNotContain("app.nozzly").doesNotContain("Exception");
    }

    private static void codedError(Response answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.jsonPath().getString("error.code")).isEqualTo(code);
        assertThat(answer.jsonPath().getString("error.message")).isNotBlank();
        assertThat(answer.jsonPath().getString("error.details.request_id")).isEqualTo(answer.header("X-Request-Id"));
        assertThat(answer.jsonPath().getMap("$")).containsOnlyKeys("error");
        assertThat(answer.asString()).doesNotContain("app.nozzly").doesNotContain("Exception");
    }

    @Test
    void productionRunsAnswerProblemDetails() {
        Response typed = as("operator").body(Map.of("items", List.of(Map.of("model_id", UUID.randomUUID().toString(),
                "quantity", "five")), "materials", List.of())).post(RUNS);
        problem(typed, 400, "VALIDATION_ERROR");
        assertThat(typed.jsonPath().getList("fields.field", String.class)).containsExactly("items[0].quantity");
        assertThat(typed.jsonPath().getString("detail")).contains("must be an integer");

        Response anonymous = given().get(RUNS);
        problem(anonymous, 401, "UNAUTHORIZED");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        problem(given().header("Authorization", "Bearer " + TestTokens.expired(tenant, "admin")).get(RUNS), 401,
                "UNAUTHORIZED");
        problem(as("viewer").body(Map.of("items", List.of(), "materials", List.of())).post(RUNS), 403, "FORBIDDEN");

        Response blank = as("viewer").urlEncodingEnabled(false).get(RUNS + "/%20");
        problem(blank, 400, "VALIDATION_ERROR");
        assertThat(blank.jsonPath().getString("detail")).contains("path parameter id");

        String id = UUID.randomUUID().toString();
        Response missing = as("viewer").get(RUNS + "/" + id);
        problem(missing, 404, "NOT_FOUND");
        assertThat(missing.jsonPath().getString("detail")).contains(id);

        Map<String, Object> run = Map.of("run_number", "ERR-001", "items", List.of(), "materials", List.of());
        as("operator").body(run).post(RUNS).then().statusCode(201);
        Response taken = as("operator").body(run).post(RUNS);
        problem(taken, 409, "CONFLICT");
        assertThat(taken.jsonPath().getString("detail")).contains("ERR-001");

        Response broken = as("viewer").header("X-Request-Id", "gw-runs-1").get(RUNS + "/broken");
        problem(broken, 500, "INTERNAL_ERROR");
        assertThat(broken.jsonPath().getString("detail")).contains("gw-runs-1");
        assertThat(broken.asString()).doesNotContain("line 42");
    }

    @Test
    void processProductionAnswersItsCodedErrors() {
        Response typed = as("admin").body(Map.of("name", "Reactor", "capacity", "big", "min_temperature", 5,
                "max_temperature", 80, "max_pressure", 3, "next_maintenance", "2030-01-01T00:00:00Z"))
                .post(PROCESS + "/reactors");
        codedError(typed, 400, "VALIDATION_ERROR");
        typed.then().body("error.details.fields.field", hasItem("capacity"))
                .body("error.message", containsString("must be a number"));

        Response anonymous = given().get(PROCESS + "/reactors");
        codedError(anonymous, 401, "UNAUTHORIZED");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        codedError(given().header("Authorization", "Bearer " + TestTokens.unsigned(tenant, "admin"))
                .get(PROCESS + "/reactors"), 401, "UNAUTHORIZED");
        codedError(as("operator").body(Map.of("name", "R")).post(PROCESS + "/reactors"), 403, "FORBIDDEN");
        codedError(as("viewer").get(PROCESS + "/reactors/" + UUID.randomUUID()), 404, "PROD001");
        codedError(as("viewer").get(PROCESS + "/batches/" + UUID.randomUUID()), 404, "PROD005");
        codedError(as("viewer").get(PROCESS + "/nothing-here"), 404, "NOT_FOUND");

        Response broken = as("viewer").header("X-Request-Id", "gw-process-1").get(PROCESS + "/broken");
        codedError(broken, 500, "INTERNAL_ERROR");
        broken.then().body("error.message", containsString("gw-process-1"));
        assertThat(broken.asString()).doesNotContain("line 42");
    }

    @Test
    void processConflictsAnswerTheirCodedError() {
        String reactor = as("admin").body(Map.of("name", "Reactor B", "capacity", 100, "min_temperature", 5,
                "max_temperature", 80, "max_pressure", 3, "next_maintenance", "2099-01-01T00:00:00Z"))
                .post(PROCESS + "/reactors").then().statusCode(201).extract().path("id");
        String recipe = UUID.randomUUID().toString();
        Response busy = as("admin").body(Map.of("status", "maintenance")).put(PROCESS + "/reactors/" + reactor
                + "/status");
        busy.then().statusCode(200);
        Response conflict = as("operator").body(Map.of("product_id", UUID.randomUUID().toString(),
                "target_quantity", 10, "recipe_id", recipe, "production_order_id", UUID.randomUUID().toString(),
                "operator_id", UUID.randomUUID().toString(), "priority", "high"))
                .post(PROCESS + "/reactors/" + reactor + "/start-batch");
        codedError(conflict, 409, "PROD002");
        conflict.then().body("error.details.reactor_id", equalTo(reactor)).body("error.details.status",
                equalTo("maintenance")).body("error.details.request_id", notNullValue());
    }
}
