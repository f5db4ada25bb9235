package app.nozzly.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What every service promises its operators and the gateway: health, metrics and its OpenAPI document
 * without a token, and no API path without one. A service's test class extends this.
 */
public abstract class ServiceContract {

    @Test
    void isReadyAndLive() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesMetricsAndOpenApiWithoutToken() {
        given().get("/q/metrics").then().statusCode(200);
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void apiPathsRequireAToken() {
        given().get("/api/anything").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.unsigned("tenant-a", "admin"))
                .get("/api/anything").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.expired("tenant-a", "admin"))
                .get("/api/anything").then().statusCode(401);
    }
}
