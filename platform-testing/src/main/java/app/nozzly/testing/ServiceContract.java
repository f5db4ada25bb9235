package app.nozzly.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

/**
 * What every service promises its operators and the gateway: health, metrics and its OpenAPI document
 * without a token, no API path without one, and every table of tenant rows kept apart by the database. A
 * service's test class extends this.
 */
public abstract class ServiceContract {

    @Inject
    DataSource dataSource;

    @Test
    void keepsEveryTableOfTenantRowsApartByTheDatabase() throws SQLException {
        assertThat(TenantTables.notIsolated(dataSource), empty());
    }

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
