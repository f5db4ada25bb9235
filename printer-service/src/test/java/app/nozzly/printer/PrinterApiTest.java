package app.nozzly.printer;

import static app.nozzly.printer.support.OfflinePrinters.prusa;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import app.nozzly.printer.support.LiveClient;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** specs/003 and specs/002 printer contracts that need no live printer: validation, errors, tenancy, limits. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class PrinterApiTest {

    private static final String ALICE = TestTokens.bearer("api-alice", "admin");
    private static final String BOB = TestTokens.bearer("api-bob", "admin");
    private static final String CAROL = TestTokens.bearer("api-carol", "admin");

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void createdPrinterIsListedWithItsConfigurationAndOtherTenantsCannotSeeIt() {
        given().header("Authorization", CAROL).contentType(ContentType.JSON).body(prusa("prusa_api_1"))
                .post("/api/v1/printers").then().statusCode(201)
                .body("id", equalTo("prusa_api_1")).body("status", equalTo("configuring"))
                .body("connection_status", equalTo("testing")).body("created_at", notNullValue());
        given().header("Authorization", CAROL).get("/api/v1/printers").then().statusCode(200)
                .header("X-RateLimit-Limit", notNullValue()).header("X-RateLimit-Remaining", notNullValue())
                .header("X-RateLimit-Reset", notNullValue())
                .body("printers.id", hasItem("prusa_api_1")).body("total_count", equalTo(1));
        given().header("Authorization", CAROL).get("/api/v1/printers/prusa_api_1").then().statusCode(200)
                .body("type", equalTo("prusa")).body("model", equalTo("Core One"))
                .body("statistics.total_jobs", equalTo(0)).body("capabilities.supports_remote_control", equalTo(true));
        given().header("Authorization", BOB).get("/api/v1/printers/prusa_api_1").then().statusCode(404)
                .body("error.code", equalTo("PRINTER_NOT_FOUND")).body("error.request_id", notNullValue())
                .body("error.timestamp", notNullValue());
        given().header("Authorization", BOB).get("/api/v1/printers").then().statusCode(200)
                .body("printers.id", not(hasItem("prusa_api_1")));
        given().header("Authorization", BOB).get("/api/bambu/printers/prusa_api_1/status").then().statusCode(404)
                .body("status", equalTo(404)).body("error", notNullValue());
    }

    @Test
    void duplicatePrinterIdIsAConflictAndInvalidConfigurationIsRejected() {
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(prusa("prusa_api_dup"))
                .post("/api/v1/printers").then().statusCode(201);
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(prusa("prusa_api_dup"))
                .post("/api/v1/printers").then().statusCode(409).body("error.code", equalTo("PRINTER_ALREADY_EXISTS"));
        given().header("Authorization", ALICE).contentType(ContentType.JSON)
                .body(Map.of("id", "bambu_api_x", "name", "A1", "type", "bambu_lab", "ip_address", "10.0.0.2",
                        "serial_number", "01S00A0B0000001"))
                .post("/api/v1/printers").then().statusCode(422).body("error.code", equalTo("INVALID_PRINTER_CONFIG"))
                .body("error.message", org.hamcrest.Matchers.containsString("access_code"));
        given().header("Authorization", ALICE).contentType(ContentType.JSON)
                .body(Map.of("id", "x", "name", "X", "type", "octoprint", "ip_address", "10.0.0.2"))
                .post("/api/v1/printers").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fields[0].field", equalTo("type"))
                .body("error.details.fields[0].message", equalTo("must be one of bambu_lab, prusa"));
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body("{not json")
                .post("/api/v1/printers").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        given().header("Authorization", ALICE).get("/api/v1/printers/bambu_api_x").then().statusCode(404);
    }

    @Test
    void bambuCloudConnectionAnswersClearlyThatItIsNotConfigured() {
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("name", "Main Printer",
                "connection_type", "bambu_cloud", "serial_number", "00M000000000001", "access_code", "abc"))
                .post("/api/bambu/printers").then().statusCode(400).body("status", equalTo(400))
                .body("error", org.hamcrest.Matchers.containsString("Bambu Cloud"));
    }

    @Test
    void printerUpdateAndDeleteAnswerAsSpecified() {
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(prusa("prusa_api_upd"))
                .post("/api/v1/printers").then().statusCode(201);
        given().header("Authorization", ALICE).contentType(ContentType.JSON)
                .body(Map.of("name", "Updated Printer Name", "is_active", false))
                .put("/api/v1/printers/prusa_api_upd").then().statusCode(200)
                .body("message", equalTo("Printer configuration updated successfully"));
        given().header("Authorization", ALICE).get("/api/v1/printers/prusa_api_upd").then()
                .body("name", equalTo("Updated Printer Name")).body("is_active", equalTo(false));
        given().header("Authorization", ALICE).delete("/api/v1/printers/prusa_api_upd").then().statusCode(200)
                .body("message", equalTo("Printer configuration removed successfully"));
        given().header("Authorization", ALICE).get("/api/v1/printers/prusa_api_upd").then().statusCode(404);
    }

    @Test
    void jobListValidatesItsFiltersAndPages() {
        given().header("Authorization", ALICE).queryParam("status", "exploded").get("/api/v1/jobs").then()
                .statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        given().header("Authorization", ALICE).queryParam("limit", 101).get("/api/v1/jobs").then().statusCode(400);
        given().header("Authorization", ALICE).queryParam("order_by", "duration").queryParam("order_dir", "asc")
                .get("/api/v1/jobs").then().statusCode(200)
                .body("pagination.page", equalTo(1)).body("pagination.limit", equalTo(50))
                .body("summary.active_jobs", notNullValue());
        given().header("Authorization", ALICE).get("/api/v1/jobs/999999").then().statusCode(404)
                .body("error.code", equalTo("JOB_NOT_FOUND"));
        given().header("Authorization", ALICE).post("/api/v1/jobs/999999/cancel").then().statusCode(404);
    }

    @Test
    void scheduledPrintsValidateAndQueuePerPrinterByPriority() {
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(prusa("prusa_api_q"))
                .post("/api/v1/printers").then().statusCode(201);
        given().header("Authorization", ALICE).contentType(ContentType.JSON)
                .body(Map.of("printer_id", "prusa_api_q", "job_name", "Low", "file_name", "a.bgcode", "priority", 5))
                .post("/api/bambu/scheduled-prints").then().statusCode(201).body("status", equalTo("queued"));
        given().header("Authorization", ALICE).contentType(ContentType.JSON)
                .body(Map.of("printer_id", "prusa_api_q", "job_name", "Urgent", "file_name", "b.bgcode", "priority", 1))
                .post("/api/bambu/scheduled-prints").then().statusCode(201);
        given().header("Authorization", ALICE).get("/api/bambu/scheduled-prints/prusa_api_q/queue").then()
                .statusCode(200).body("job_name", org.hamcrest.Matchers.contains("Urgent", "Low"));
        given().header("Authorization", ALICE).contentType(ContentType.JSON)
                .body(Map.of("printer_id", "prusa_api_q", "job_name", "Bad", "file_name", "c.bgcode", "priority", 0))
                .post("/api/bambu/scheduled-prints").then().statusCode(400).body("status", equalTo(400));
        given().header("Authorization", ALICE).contentType(ContentType.JSON)
                .body(Map.of("printer_id", "nope", "job_name", "X", "file_name", "c.bgcode"))
                .post("/api/bambu/scheduled-prints").then().statusCode(404);
    }

    @Test
    void systemEndpointsAnswerAsSpecified() {
        given().header("Authorization", ALICE).get("/api/v1/health").then().statusCode(200)
                .body("status", equalTo("healthy")).body("database", equalTo("connected"));
        given().header("Authorization", ALICE).get("/api/v1/system/info").then().statusCode(200)
                .body("features.job_monitoring", equalTo(true)).body("database.type", equalTo("postgresql"));
        given().header("Authorization", ALICE).get("/api/v1/statistics/overview?period=week").then().statusCode(200)
                .body("period", equalTo("week")).body("jobs.total_jobs", notNullValue());
        given().header("Authorization", ALICE).get("/api/v1/statistics/overview?period=decade").then().statusCode(400);
        given().header("Authorization", ALICE).get("/api/v1/files").then().statusCode(200)
                .body("pagination.page", equalTo(1)).body("summary.available_count", notNullValue());
        given().header("Authorization", ALICE).get("/api/v1/files/f-missing").then().statusCode(404)
                .body("error.code", equalTo("FILE_NOT_FOUND"));
    }

    @Test
    void parametersOutOfTheirWordsOrBoundsAnswer400NamingTheParameterInTheFamilysShape() {
        Map<String, Map<String, String>> specs003 = Map.of(
                "/api/v1/jobs", Map.of("order_by", "size", "order_dir", "sideways", "status", "exploded", "limit", "0",
                        "is_business", "yes"),
                "/api/v1/printers", Map.of("type", "octoprint", "limit", "101", "page", "-1", "active", "maybe"),
                "/api/v1/files", Map.of("status", "bogus"),
                "/api/v1/files/cleanup/candidates", Map.of("older_than_days", "-3", "unused_only", "often"),
                "/api/v1/statistics/overview", Map.of("period", "decade"));
        specs003.forEach((path, parameters) -> parameters.forEach((name, value) -> given()
                .header("Authorization", ALICE).queryParam(name, value).get(path).then()
                .statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.message", org.hamcrest.Matchers.containsString(name))));
        Map<String, Map<String, String>> specs002 = Map.of(
                "/api/bambu/scheduled-prints", Map.of("status", "bogus", "offset", "-1"),
                "/api/bambu/materials", Map.of("offset", "-1"),
                "/api/bambu/printers", Map.of("limit", "1000"));
        specs002.forEach((path, parameters) -> parameters.forEach((name, value) -> given()
                .header("Authorization", ALICE).queryParam(name, value).get(path).then()
                .statusCode(400).body("status", equalTo(400))
                .body("error", org.hamcrest.Matchers.containsString(name))));
    }

    @Test
    void malformedIntegersDatesAndIdsAnswer400NotA404() {
        Map<String, Map<String, String>> specs003 = Map.of(
                "/api/v1/jobs", Map.of("page", "abc", "start_date", "2025-13-40", "limit", "99999999999"),
                "/api/v1/files", Map.of("limit", "x"),
                "/api/v1/files/cleanup/candidates", Map.of("min_size_mb", "big"),
                "/api/v1/statistics/overview", Map.of("start_date", "yesterday"),
                "/api/v1/statistics/printers/any", Map.of("end_date", "2025-02-30"));
        specs003.forEach((path, parameters) -> parameters.forEach((name, value) -> given()
                .header("Authorization", ALICE).queryParam(name, value).get(path).then()
                .statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.message", org.hamcrest.Matchers.containsString(value))));
        given().header("Authorization", ALICE).get("/api/v1/jobs/not-a-number").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        given().header("Authorization", ALICE).queryParam("limit", "many").get("/api/bambu/scheduled-prints").then()
                .statusCode(400).body("status", equalTo(400));
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("status", "queued"))
                .put("/api/bambu/scheduled-prints/x1").then().statusCode(400).body("status", equalTo(400));
    }

    @Test
    void withoutLocalModeEverySpecs003PathAndTheWebSocketNeedAToken() {
        given().get("/api/v1/printers").then().statusCode(401);
        given().get("/api/v1/jobs").then().statusCode(401);
        given().get("/api/v1/health").then().statusCode(401);
        given().post("/api/v1/jobs/1/pause").then().statusCode(401);
        Throwable refused = catchThrowable(() -> LiveClient.connect(port, null));
        assertThat(refused).isInstanceOf(ExecutionException.class).cause().isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(401);
    }
}
