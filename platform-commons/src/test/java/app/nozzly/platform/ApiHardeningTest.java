package app.nozzly.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What every service's API gets from platform-commons, proven on the test application: invalid input of any
 * kind answers 400 naming the field and changes nothing, the database's refusals are 4xx, failures carry the
 * error body with a request id and no Java internals, roles are enforced with a hierarchy, and rate limits
 * hold whatever X-Forwarded-For a client sends.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class ApiHardeningTest {

    private static RequestSpecification as(String tenant, String... roles) {
        return given().header("Authorization", TestTokens.bearer(tenant, roles)).contentType(ContentType.JSON);
    }

    private static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response create(String tenant, Object body) {
        return as(tenant, "operator").body(body).post("/api/gadgets");
    }

    /** Each attempt as a tenant of its own: creates are rate limited per user (3 a minute). */
    private static Response createRefused(Object body) {
        String tenant = tenant();
        Response answer = create(tenant, body);
        assertNothingStored(tenant);
        return answer;
    }

    @Test
    void anUnknownFieldIsRefusedNamingIt() {
        String tenant = tenant();
        create(tenant, Map.of("code", "A", "weight", 1, "weightGrams", 5)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("fields.field", hasItem("weightGrams"))
                .body("detail", containsString("unknown field"));
        assertNothingStored(tenant);
    }

    @Test
    void aWronglyTypedFieldNamesTheFieldAndWhatItAccepts() {
        createRefused(Map.of("code", "A", "weight", "heavy")).then().statusCode(400)
                .body("fields[0].field", equalTo("weight")).body("fields[0].message", equalTo("must be a number"));
        createRefused(Map.of("code", "A", "weight", 1, "kind", "MEDIUM")).then().statusCode(400)
                .body("fields[0].field", equalTo("kind"))
                .body("fields[0].message", equalTo("must be one of SMALL, LARGE"));
        createRefused(Map.of("code", "A", "weight", 1, "count", 1.5)).then().statusCode(400)
                .body("fields[0].message", equalTo("must be an integer"));
        createRefused("{\"code\":\"A\",\"weight\":1,\"count\":9223372036854775808}").then().statusCode(400)
                .body("fields[0].field", equalTo("count"));
        Response malformed = createRefused("{\"code\": \"A\", ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.asString()).doesNotContain("com.fasterxml").doesNotContain("java.");
    }

    @Test
    void beanValidationNamesEveryFieldAsTheClientWroteIt() {
        createRefused(Map.of("code", "", "weight", 0)).then().statusCode(400)
                .body("fields.field", hasItem("code")).body("fields.field", hasItem("weight"));
        createRefused(Map.of("code", "C", "weight", 1, "colour_hex", "#0000000")).then().statusCode(400)
                .body("fields[0].field", equalTo("colour_hex"));
        as(tenant(), "viewer").queryParam("size", 0).get("/api/gadgets").then().statusCode(400)
                .body("fields[0].field", equalTo("size"));
    }

    @Test
    void valuesBeyondWhatThePlatformStoresAreRefusedNotOverflowed() {
        for (String body : List.of(
                "{\"code\":\"A\",\"weight\":1e400}",
                "{\"code\":\"A\",\"weight\":1e-400}",
                "{\"code\":\"A\\u0000B\",\"weight\":1}",
                "{\"code\":\"A\",\"weight\":1,\"madeOn\":\"+999999999-12-31\"}",
                "{\"code\":\"A\",\"code\":\"B\",\"weight\":1}")) {
            Response answer = createRefused(body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.asString()).as(body).doesNotContain("java.").doesNotContain("Exception");
        }
    }

    @Test
    void whatTheDatabaseRefusesIsTheClientsErrorNeverA500() {
        String tenant = tenant();
        as(tenant, "operator").body(Map.of("code", "x".repeat(100_000), "weight", 1)).post("/api/gadgets/unchecked")
                .then().statusCode(400);
        as(tenant, "operator").body(Map.of("code", "A", "weight", 123456789)).post("/api/gadgets/unchecked")
                .then().statusCode(400);
        as(tenant, "operator").body(Map.of("code", "A", "weight", 0.0001)).post("/api/gadgets/unchecked")
                .then().statusCode(400);
        as(tenant, "operator").body(Map.of("code", "A")).post("/api/gadgets/unchecked").then().statusCode(400);
        assertNothingStored(tenant);
    }

    @Test
    void concurrentIdenticalCreatesMakeOneAndAnswer409ForTheRest() {
        String tenant = tenant();
        List<Integer> statuses = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                as(tenant, "operator").body(Map.of("code", "SAME", "weight", 1)).post("/api/gadgets/unchecked")
                        .statusCode())).toList().stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        as(tenant, "viewer").get("/api/gadgets").then().body("code", equalTo(List.of("SAME")));
    }

    @Test
    void aMalformedParameterIs400AndAControlCharacterNeverReachesSql() {
        String tenant = tenant();
        as(tenant, "viewer").queryParam("size", "abc").get("/api/gadgets").then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"));
        as(tenant, "viewer").get("/api/gadgets/not-a-uuid").then().statusCode(400);
        as(tenant, "viewer").urlEncodingEnabled(false).get("/api/gadgets/%00").then().statusCode(400);
        as(tenant, "viewer").urlEncodingEnabled(false).get("/api/gadgets?size=%00").then().statusCode(400);
    }

    @Test
    void aFailureAnswers500WithTheBodyAndARequestIdAndNoInternals() {
        Response answer = as(tenant(), "viewer").header("X-Request-Id", "gw-1234").get("/api/gadgets/broken");
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.header("X-Request-Id")).isEqualTo("gw-1234");
        assertThat(answer.jsonPath().getString("request_id")).isEqualTo("gw-1234");
        assertThat(answer.jsonPath().getString("detail")).contains("gw-1234");
        assertThat(answer.asString()).doesNotContain("app.nozzly").doesNotContain("IllegalState")
                .doesNotContain("line 42");
    }

    @Test
    void missingAndInvalidTokensAnswer401WithTheErrorBody() {
        given().get("/api/gadgets").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer")).body("code", equalTo("UNAUTHORIZED"))
                .body("request_id", notNullValue());
        given().header("Authorization", "Bearer " + TestTokens.expired("t", "viewer")).get("/api/gadgets").then()
                .statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Bearer " + TestTokens.withoutTenant("viewer")).get("/api/gadgets").then()
                .statusCode(401).body("detail", containsString("tenant_id"));
    }

    @Test
    void anUnknownApiPathTellsAnAnonymousCallerNothingButToAuthenticate() {
        given().get("/api/nothing-here").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Bearer " + TestTokens.expired("t", "viewer")).get("/api/nothing-here")
                .then().statusCode(401);
        as(tenant(), "viewer").get("/api/nothing-here").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aTeamsRateLimitIsCountedPerTeamWhateverTheClaimsJsonType() {
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + TestTokens.sign(withTeam("team-tenant-" + i)))
                    .get("/api/gadgets/team-limited").then().statusCode(200);
        }
    }

    private static org.jose4j.jwt.JwtClaims withTeam(String tenant) {
        org.jose4j.jwt.JwtClaims claims = TestTokens.claims(tenant, new String[] { "viewer" }, 3600);
        claims.setClaim("team_id", "team-7");
        return claims;
    }

    @Test
    void rolesAreEnforcedAndEachImpliesTheOnesBelowIt() {
        String tenant = tenant();
        as(tenant).get("/api/gadgets").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(tenant, "viewer").get("/api/gadgets").then().statusCode(200);
        create(tenant, Map.of("code", "V", "weight", 1)).then().statusCode(201);
        String id = as(tenant, "viewer").get("/api/gadgets").jsonPath().getString("[0].id");
        as(tenant, "viewer").body(Map.of("code", "W", "weight", 1)).post("/api/gadgets").then().statusCode(403);
        as(tenant, "operator").delete("/api/gadgets/" + id).then().statusCode(403);
        as(tenant, "admin").delete("/api/gadgets/" + id).then().statusCode(204);
        as(tenant, "owner").body(Map.of("code", "O", "weight", 1)).post("/api/gadgets").then().statusCode(201);
    }

    @Test
    void aRateLimitHoldsWhateverForwardedForTheClientClaims() {
        String tenant = tenant();
        for (int i = 0; i < 3; i++) {
            create(tenant, Map.of("code", "R" + i, "weight", 1)).then().statusCode(201)
                    .header("X-RateLimit-Limit", "3").header("X-RateLimit-Remaining", String.valueOf(2 - i));
        }
        Response refused = create(tenant, Map.of("code", "R3", "weight", 1));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.jsonPath().getString("code")).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(refused.jsonPath().getInt("limit")).isEqualTo(3);

        String reader = tenant();
        for (int i = 0; i < 40; i++) {
            as(reader, "viewer").get("/api/gadgets").then().statusCode(200);
        }
        as(reader, "viewer").get("/api/gadgets").then().statusCode(429);
        as(reader, "viewer").header("X-Forwarded-For", "203.0.113.1").header("Forwarded", "for=203.0.113.1")
                .get("/api/gadgets").then().statusCode(429);
        as(tenant(), "viewer").get("/api/gadgets").then().statusCode(200);
    }

    @Test
    void theServedOpenApiDocumentsTheErrorsWithTheirBodies() {
        String document = given().accept("application/json").get("/q/openapi?format=json").asString();
        io.restassured.path.json.JsonPath openapi = new io.restassured.path.json.JsonPath(document);
        assertThat(openapi.getString("openapi")).startsWith("3.0");
        assertThat(openapi.getMap("components.schemas")).containsKey("ErrorProblem").containsKey("ErrorErrorObject");
        for (String status : List.of("400", "401", "403", "404", "409", "429", "500", "503")) {
            assertThat(openapi.getString("paths.'/api/gadgets'.post.responses.'" + status
                    + "'.content.'application/problem+json'.schema.$ref")).as(status)
                    .isEqualTo("#/components/schemas/ErrorProblem");
        }
        assertThat(openapi.getMap("components.securitySchemes")).isNotEmpty();
        // each operation's errors are its own path's family, the security filter's shared 401 and 403 included
        assertThat(openapi.getString("paths.'/api/widgets'.post.responses.'401'.content.'application/json'"
                + ".schema.$ref")).isEqualTo("#/components/schemas/ErrorErrorObject");
        assertThat(openapi.getString("paths.'/api/gadgets'.get.responses.'403'.content.'application/problem+json'"
                + ".schema.$ref")).isEqualTo("#/components/schemas/ErrorProblem");
        // an optional property may be null on the wire, and the document says so
        assertThat(openapi.getBoolean("components.schemas.Gadget.properties.kind.nullable")).isTrue();
        assertThat(openapi.getString("components.schemas.Gadget.properties.kind.type")).isEqualTo("string");
    }

    @Test
    void anAnswerTheServedDocumentDoesNotDescribeFailsTheTestThatGotIt() {
        assertThatThrownBy(() -> as(tenant(), "viewer").get("/api/gadgets/misdocumented"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("wholeWeight");
    }

    private static void assertNothingStored(String tenant) {
        as(tenant, "viewer").get("/api/gadgets").then().statusCode(200).body("size()", equalTo(0))
                .body("code", not(hasItem("A")));
    }
}
