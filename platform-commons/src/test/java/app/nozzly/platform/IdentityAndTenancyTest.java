package app.nozzly.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class IdentityAndTenancyTest {

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().get("/api/widgets").then().statusCode(401);
    }

    @Test
    void unsignedAlgNoneTokenIsUnauthorized() {
        given().header("Authorization", "Bearer " + TestTokens.unsigned("tenant-a", "admin"))
                .get("/api/widgets").then().statusCode(401);
    }

    @Test
    void expiredTokenIsUnauthorized() {
        given().header("Authorization", "Bearer " + TestTokens.expired("tenant-a", "admin"))
                .get("/api/widgets").then().statusCode(401);
    }

    @Test
    void tokenOfAnotherIssuerIsUnauthorized() {
        given().header("Authorization", "Bearer " + TestTokens.withIssuer("https://evil.example", "tenant-a"))
                .get("/api/widgets").then().statusCode(401);
    }

    @Test
    void tokenWithoutTenantIsUnauthorized() {
        given().header("Authorization", "Bearer " + TestTokens.withoutTenant("admin"))
                .get("/api/widgets").then().statusCode(401);
    }

    @Test
    void anotherTenantsEntityIsNotFoundAndNotListed() {
        String id = OutboxTest.create("tenant-a", "private-widget");

        given().header("Authorization", TestTokens.bearer("tenant-a"))
                .get("/api/widgets/" + id).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("tenant-b"))
                .get("/api/widgets/" + id).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("tenant-b"))
                .get("/api/widgets").then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void operationsEndpointsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
