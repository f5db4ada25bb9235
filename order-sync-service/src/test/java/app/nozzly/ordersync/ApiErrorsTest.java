package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.PlatformInfra;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * specs/002 Error Responses: every error of /api/auth, /api/orders and /api/analytics is {"error": message,
 * "status": code} with the status of the answer, whoever produced it (validation, security, the resources, the
 * revocation filter, the rate limiter, a bug); the served document's schema for it has only those two properties,
 * which the contract check holds every answer to.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class ApiErrorsTest {

    private static void assertSpecs002Error(Response answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.jsonPath().getMap("$")).containsOnlyKeys("error", "status").containsEntry("status", status);
        assertThat(answer.jsonPath().getString("error")).isNotBlank();
    }

    @Test
    void everyErrorStatusCarriesTheSpecs002Body() {
        SimShop shop = Seller.newShop("Errors");
        Seller.etsy().addReceipts(shop, 1, Duration.ofDays(1));
        String owner = Seller.syncedBearer(shop);
        int orderId = Seller.firstOrderId(owner);

        Response wrongType = given().header("Authorization", owner).contentType(ContentType.JSON)
                .body(Map.of("status", 7)).put("/api/orders/" + orderId);
        assertSpecs002Error(wrongType, 400);
        assertThat(wrongType.jsonPath().getString("error")).startsWith("status: must be one of pending, paid");
        assertSpecs002Error(given().header("Authorization", owner).queryParam("limit", "lots").get("/api/orders"),
                400);
        Response anonymous = given().get("/api/orders");
        assertSpecs002Error(anonymous, 401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertSpecs002Error(given().header("Authorization", TestTokens.bearer(String.valueOf(shop.shopId()),
                "viewer")).contentType(ContentType.JSON).body(Map.of("content", "x"))
                .post("/api/orders/" + orderId + "/notes"), 403);
        assertSpecs002Error(given().header("Authorization", owner).get("/api/orders/" + (orderId + 1_000_000)), 404);
        // a path no endpoint serves: 404 to a caller with a valid token, 401 to one without, like any endpoint
        assertSpecs002Error(given().header("Authorization", owner).get("/api/nothing-here"), 404);
        assertSpecs002Error(given().get("/api/nothing-here"), 401);
        assertSpecs002Error(given().header("Authorization", owner + "x").get("/api/nothing-here"), 401);
        String unconnected = TestTokens.bearer("errors-" + UUID.randomUUID(), "operator");
        assertSpecs002Error(given().header("Authorization", unconnected).post("/api/orders/sync"), 409);

        given().header("Authorization", owner).get("/api/orders/" + orderId).then().body("status", equalTo("paid"));
    }

    @Test
    void aBugAnswers500WithTheSpecs002BodyAndARequestIdButNoInternals() {
        Response answer = given().header("Authorization", TestTokens.bearer("bug-" + UUID.randomUUID(), "viewer"))
                .header("X-Request-Id", "gw-ordersync-500").get("/api/test-only/broken");
        assertSpecs002Error(answer, 500);
        assertThat(answer.header("X-Request-Id")).isEqualTo("gw-ordersync-500");
        assertThat(answer.jsonPath().getString("error")).contains("gw-ordersync-500");
        assertThat(answer.asString()).doesNotContain("app.nozzly").doesNotContain("IllegalState")
                .doesNotContain("line 42");
    }

    @Test
    void aLoggedOutTokenIsRefusedWithTheSpecs002Body() throws Exception {
        String bearer = Seller.bearer(Seller.newShop("Revoked"));
        given().header("Authorization", bearer).post("/api/auth/logout").then().statusCode(200);
        Response refused = given().header("Authorization", bearer).get("/api/orders");
        assertSpecs002Error(refused, 401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");

        // revoked by a logout on another replica whose auth.token.revoked has not arrived yet: Postgres knows
        JwtClaims claims = TestTokens.claims("revoked-" + UUID.randomUUID(), new String[] { "viewer" }, 3600);
        try (Connection c = DriverManager.getConnection(PlatformInfra.get().jdbcUrl("ordersync"), "postgres",
                "postgres");
                PreparedStatement revoke = c.prepareStatement(
                        "insert into revoked_token (jti, expires_at) values (?, now() + interval '1 hour')")) {
            revoke.setString(1, claims.getJwtId());
            revoke.executeUpdate();
        }
        Response revoked = given().header("Authorization", "Bearer " + TestTokens.sign(claims)).get("/api/orders");
        assertSpecs002Error(revoked, 401);
        assertThat(revoked.jsonPath().getString("error")).contains("revoked by logout");
        assertThat(revoked.header("WWW-Authenticate")).startsWith("Bearer");
    }
}
