package app.nozzly.printer;

import static app.nozzly.printer.support.OfflinePrinters.prusa;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every refusal carries the error body of the spec of its path: specs/003's {"error": {code, message, details,
 * timestamp, request_id}} under /api/v1, specs/002's {"error", "status"} under /api/bambu. 429 is proven in
 * RateLimitTest.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class ErrorFamiliesTest {

    private static final String ADMIN = TestTokens.bearer("families-a", "admin");
    private static final String VIEWER = TestTokens.bearer("families-a", "viewer");

    private static void specs003(Response answer, int status, String code) {
        answer.then().statusCode(status).contentType(ContentType.JSON).body("error.code", equalTo(code))
                .body("error.message", notNullValue()).body("error.details", notNullValue())
                .body("error.timestamp", notNullValue()).body("error.request_id", notNullValue());
        assertThat(answer.jsonPath().getMap("$")).containsOnlyKeys("error");
    }

    private static void specs002(Response answer, int status) {
        answer.then().statusCode(status).contentType(ContentType.JSON).body("status", equalTo(status))
                .body("error", notNullValue());
        assertThat(answer.jsonPath().getMap("$")).containsOnlyKeys("error", "status");
    }

    @Test
    void aFieldOfTheWrongTypeIs400InEachFamily() {
        Response v1 = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("id", "typed", "name", "P", "type", "prusa", "ip_address", "127.0.0.1", "port", "nine",
                        "password", "secret"))
                .post("/api/v1/printers");
        specs003(v1, 400, "VALIDATION_ERROR");
        assertThat(v1.jsonPath().getString("error.details.fields[0].field")).isEqualTo("port");
        Response bambu = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("job_name", "J", "file_name", "j.3mf", "priority", "first"))
                .post("/api/bambu/scheduled-prints");
        specs002(bambu, 400);
        assertThat(bambu.jsonPath().getString("error")).contains("priority");
        given().header("Authorization", ADMIN).get("/api/v1/printers/typed").then().statusCode(404);
    }

    @Test
    void noTokenIs401InEachFamily() {
        Response v1 = given().get("/api/v1/jobs");
        specs003(v1, 401, "UNAUTHORIZED");
        assertThat(v1.jsonPath().getString("error.request_id")).startsWith("req_");
        assertThat(v1.header("WWW-Authenticate")).startsWith("Bearer");
        specs002(given().get("/api/bambu/materials"), 401);
        specs003(given().header("Authorization", "Bearer " + TestTokens.expired("families-a", "admin"))
                .get("/api/v1/printers"), 401, "UNAUTHORIZED");
    }

    @Test
    void aMissingRoleIs403InEachFamily() {
        specs003(given().header("Authorization", VIEWER).contentType(ContentType.JSON).body(prusa("forbidden"))
                .post("/api/v1/printers"), 403, "FORBIDDEN");
        specs002(given().header("Authorization", VIEWER).delete("/api/bambu/printers/forbidden"), 403);
    }

    @Test
    void anUnknownIdIs404InEachFamilyWithTheDomainCode() {
        specs003(given().header("Authorization", VIEWER).get("/api/v1/printers/nowhere"), 404, "PRINTER_NOT_FOUND");
        specs003(given().header("Authorization", VIEWER).get("/api/v1/jobs/424242"), 404, "JOB_NOT_FOUND");
        specs003(given().header("Authorization", VIEWER).get("/api/v1/files/f-nowhere"), 404, "FILE_NOT_FOUND");
        specs002(given().header("Authorization", VIEWER).get("/api/bambu/printers/nowhere/status"), 404);
        specs003(given().header("Authorization", VIEWER).get("/api/v1/nothing-here"), 404, "NOT_FOUND");
    }

    @Test
    void aDuplicateIs409InEachFamily() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(prusa("twice"))
                .post("/api/v1/printers").then().statusCode(201);
        Response v1 = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(prusa("twice"))
                .post("/api/v1/printers");
        specs003(v1, 409, "PRINTER_ALREADY_EXISTS");
        assertThat(v1.jsonPath().getString("error.details.printer_id")).isEqualTo("twice");
        specs002(given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("id", "twice", "name", "Again", "connection_type", "bambu_lan", "api_url",
                        "http://127.0.0.1:9", "access_code", "12345678"))
                .post("/api/bambu/printers"), 409);
        given().header("Authorization", ADMIN).delete("/api/v1/printers/twice").then().statusCode(200);
    }

    @Test
    void aFailureIs500InEachFamilyWithARequestIdAndNoInternals() {
        Response v1 = given().header("Authorization", VIEWER).header("X-Request-Id", "gw-printer-1")
                .get("/api/v1/failing");
        specs003(v1, 500, "INTERNAL_ERROR");
        assertThat(v1.jsonPath().getString("error.request_id")).isEqualTo("gw-printer-1");
        Response bambu = given().header("Authorization", VIEWER).get("/api/bambu/failing");
        specs002(bambu, 500);
        assertThat(bambu.jsonPath().getString("error")).contains(bambu.header("X-Request-Id"));
        for (Response answer : new Response[] { v1, bambu }) {
            assertThat(answer.asString()).doesNotContain("app.nozzly").doesNotContain("IllegalState")
                    .doesNotContain("line 42");
        }
    }

    @Test
    void aCamelCasedOrUnknownPropertyIsRefusedNamingIt() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("id", "camel", "name", "P", "type", "prusa", "ipAddress", "127.0.0.1", "password", "s"))
                .post("/api/v1/printers").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.message", containsString("ipAddress"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("jobName", "J", "file_name", "j.3mf"))
                .post("/api/bambu/scheduled-prints").then().statusCode(400).body("status", equalTo(400))
                .body("error", containsString("jobName"));
        given().header("Authorization", ADMIN).get("/api/v1/printers/camel").then().statusCode(404);
        given().header("Authorization", ADMIN).get("/api/bambu/scheduled-prints").then().statusCode(200)
                .body("job_name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("J")));
    }
}
