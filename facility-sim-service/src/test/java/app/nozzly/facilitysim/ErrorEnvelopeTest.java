package app.nozzly.facilitysim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Every error of the API is specs/004's envelope {success: false, businessCode, message, data} in the caller's
 * language, whichever layer refuses: a field of the wrong type, Bean Validation, no or a bad token, a role short,
 * a path or record that does not exist, a conflict, an unexpected failure.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class ErrorEnvelopeTest {

    private static final String PRODUCE = "/api/facility/production/produce";

    private final Game game = new Game();

    private static void assertEnvelope(Response answer, int status, int businessCode, String message) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonPath body = answer.jsonPath();
        assertThat(body.getMap("$")).containsOnlyKeys("success", "businessCode", "message", "data");
        assertThat(body.getBoolean("success")).isFalse();
        assertThat(body.getInt("businessCode")).isEqualTo(businessCode);
        assertThat(body.getString("message")).isEqualTo(message);
    }

    @Test
    void aFieldOfTheWrongTypeIs4001NamingItInTheCallersLanguage() {
        String student = game.student(UUID.randomUUID().toString());
        Map<String, Object> body = Map.of("facilityId", UUID.randomUUID().toString(), "rawMaterialId", 28,
                "quantity", "lots");
        Response chinese = game.as(student).body(body).post(PRODUCE);
        assertEnvelope(chinese, 400, 4001, "验证失败");
        assertThat(chinese.jsonPath().getList("data.errors.field")).containsExactly("quantity");
        assertThat(chinese.jsonPath().getList("data.errors.reason")).containsExactly("必须为数字");
        Response english = game.as(student).body(body).queryParam("lang", "en").post(PRODUCE);
        assertEnvelope(english, 400, 4001, "Validation failed");
        assertThat(english.jsonPath().getList("data.errors.reason")).containsExactly("must be a number");
    }

    @Test
    void beanValidationReasonsFollowLangThenXLangThenAcceptLanguage() {
        String student = game.student(UUID.randomUUID().toString());
        Map<String, Object> body = Map.of("facilityId", UUID.randomUUID().toString(), "rawMaterialId", 28,
                "quantity", 0);
        game.as(student).body(body).queryParam("lang", "zh").header("Accept-Language", "en").post(PRODUCE).then()
                .statusCode(400).body("message", equalTo("验证失败"))
                .body("data.errors.reason", contains("必须大于0"));
        game.as(student).body(body).header("x-lang", "en").header("Accept-Language", "zh").post(PRODUCE).then()
                .statusCode(400).body("message", equalTo("Validation failed"))
                .body("data.errors.reason", contains("must be greater than 0"));
        game.as(student).body(body).header("Accept-Language", "fr, en;q=0.8").post(PRODUCE).then()
                .statusCode(400).body("data.errors.reason", contains("must be greater than 0"));
    }

    @Test
    void unknownAndSnakeCasePropertiesAreRefusedNamingThem() {
        String student = game.student(UUID.randomUUID().toString());
        game.as(student).queryParam("lang", "en")
                .body(Map.of("facility_id", UUID.randomUUID().toString(), "rawMaterialId", 28, "quantity", 1))
                .post(PRODUCE).then().statusCode(400).body("businessCode", equalTo(4001))
                .body("data.errors.field", contains("facility_id"))
                .body("data.errors[0].reason", startsWith("unknown field; accepted: facilityId"));
        game.asTeacher().body(Map.of("name", "Owls", "funds", "1", "color", "red"))
                .post("/api/facility/admin/teams").then().statusCode(400)
                .body("data.errors.field", contains("color"))
                .body("data.errors[0].reason", startsWith("未知字段"));
        game.asTeacher().get("/api/facility/admin/teams").then().body("data.teams", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void missingExpiredAndTenantlessTokensAre401() {
        assertEnvelope(given().queryParam("lang", "en").get("/api/facility/raw-materials"), 401, 4010,
                "Authentication required");
        given().get("/api/facility/raw-materials").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer")).body("message", equalTo("需要登录认证"));
        assertEnvelope(given().header("Authorization", "Bearer " + TestTokens.expired(game.tenant, "teacher"))
                .get("/api/facility/admin/teams"), 401, 4010, "需要登录认证");
        assertEnvelope(given().header("Authorization", "Bearer " + TestTokens.withoutTenant("teacher"))
                .get("/api/facility/admin/teams"), 401, 4010, "需要登录认证");
        assertEnvelope(given().get("/api/facility/no-such-thing"), 401, 4010, "需要登录认证");
    }

    @Test
    void aRoleShortIs403() {
        Response answer = game.as(game.student(UUID.randomUUID().toString())).header("x-lang", "en")
                .body(Map.of("name", "Hackers", "funds", "100")).post("/api/facility/admin/teams");
        assertEnvelope(answer, 403, 4030, "Not allowed");
        assertThat(answer.jsonPath().getString("data")).isNull();
    }

    @Test
    void nothingThereIs404AndAWrongMethod405() {
        assertEnvelope(game.asTeacher().get("/api/facility/no-such-thing"), 404, 4040, "资源不存在");
        assertEnvelope(game.asTeacher().get("/api/facility/admin/facilities/" + UUID.randomUUID()), 404, 4041,
                "设施不存在");
        assertEnvelope(game.asTeacher().queryParam("lang", "en").get("/api/facility/raw-materials/424242"), 404,
                4404, "Material not found");
        assertEnvelope(game.asTeacher().delete("/api/facility/raw-materials"), 405, 4050, "不支持此请求方法");
    }

    @Test
    void aConflictIs409NamingTheField() {
        String team = game.team("Owls", "0");
        game.asTeacher().body(Map.of("teamId", team, "name", "North", "type", "MINE", "q", 7, "r", 7))
                .post("/api/facility/admin/facilities").then().statusCode(201);
        Response answer = game.asTeacher().queryParam("lang", "en")
                .body(Map.of("teamId", team, "name", "South", "type", "FARM", "q", 7, "r", 7))
                .post("/api/facility/admin/facilities");
        assertEnvelope(answer, 409, 4090, "Conflict with the current state");
        assertThat(answer.jsonPath().getList("data.errors.reason")).containsExactly("tile (7, 7) already holds a facility");
    }

    @Test
    void anUnexpectedFailureIs5001WithTheRequestIdAndNoInternals() {
        Response answer = given().header("Authorization", TestTokens.bearer(game.tenant, "viewer"))
                .header("X-Request-Id", "gw-facility-1").get("/api/facility/test-probes/broken");
        assertEnvelope(answer, 500, 5001, "服务器内部错误");
        assertThat(answer.jsonPath().getString("data.requestId")).isEqualTo("gw-facility-1");
        assertThat(answer.asString()).doesNotContain("app.nozzly").doesNotContain("IllegalState")
                .doesNotContain("line 42");
    }

    @Test
    void theDocumentPublishesTheEnvelopeForEveryErrorAnd402ForProduce() {
        JsonPath document = given().accept("application/json").get("/q/openapi?format=json").jsonPath();
        Map<String, Object> produce = document.getMap("paths.'/api/facility/production/produce'.post.responses");
        assertThat(produce).containsKeys("200", "400", "401", "402", "403", "404", "409", "429", "500", "503");
        for (String status : new String[] { "400", "402", "429", "500" }) {
            assertThat(document.getString("paths.'/api/facility/production/produce'.post.responses.'" + status
                    + "'.content.'application/json'.schema.$ref")).isEqualTo("#/components/schemas/ErrorFacilityEnvelope");
        }
        assertThat(document.getList("components.schemas.ErrorFacilityEnvelope.required"))
                .containsExactly("success", "businessCode", "message", "data");
        assertThat(document.getMap("paths.'/api/facility/admin/connections'.post.responses")).containsKeys("200", "201");
        assertThat(document.getList("paths.'/api/facility/raw-materials'.get.parameters.name")).contains("lang");
        given().accept("application/json").get("/q/openapi?format=json").then()
                .body("paths.'/api/facility/admin/teams'.post.responses.keySet()", hasItem("201"))
                .body("paths.'/api/facility/admin/teams'.post.responses.'200'", nullValue());
    }
}
