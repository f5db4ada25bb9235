package app.nozzly.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.platform.security.Roles;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The role matrix of the README, endpoint by endpoint: a token without roles is refused everything, the role below
 * an endpoint's least role is refused (403 in the API's error body), and the least role itself gets through to the
 * endpoint (whatever it then answers about the made-up ids).
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class RolesTest {

    private record Endpoint(String method, String path, String leastRole) {

        boolean write() {
            return !method.equals("GET");
        }
    }

    private static final String RUN = "/api/v1/production-runs/" + UUID.randomUUID();
    private static final String PLATE = RUN + "/plates/" + UUID.randomUUID();
    private static final String P = "/api/v1/production";
    private static final String ID = "/" + UUID.randomUUID();

    private static final List<Endpoint> MATRIX = List.of(
            new Endpoint("GET", "/api/v1/production-runs", Roles.VIEWER),
            new Endpoint("POST", "/api/v1/production-runs", Roles.OPERATOR),
            new Endpoint("POST", "/api/v1/production-runs/for-orders", Roles.OPERATOR),
            new Endpoint("GET", "/api/v1/production-runs/failure-reasons", Roles.VIEWER),
            new Endpoint("GET", RUN, Roles.VIEWER),
            new Endpoint("PATCH", RUN, Roles.OPERATOR),
            new Endpoint("DELETE", RUN, Roles.ADMIN),
            new Endpoint("POST", RUN + "/complete", Roles.OPERATOR),
            new Endpoint("POST", RUN + "/cancel", Roles.OPERATOR),
            new Endpoint("POST", RUN + "/fail", Roles.OPERATOR),
            new Endpoint("POST", RUN + "/items", Roles.OPERATOR),
            new Endpoint("PATCH", RUN + "/items" + ID, Roles.OPERATOR),
            new Endpoint("DELETE", RUN + "/items" + ID, Roles.OPERATOR),
            new Endpoint("POST", RUN + "/materials", Roles.OPERATOR),
            new Endpoint("PATCH", RUN + "/materials" + ID, Roles.OPERATOR),
            new Endpoint("DELETE", RUN + "/materials" + ID, Roles.OPERATOR),
            new Endpoint("GET", RUN + "/plates", Roles.VIEWER),
            new Endpoint("POST", RUN + "/plates", Roles.OPERATOR),
            new Endpoint("GET", PLATE, Roles.VIEWER),
            new Endpoint("PATCH", PLATE, Roles.OPERATOR),
            new Endpoint("POST", PLATE + "/start", Roles.OPERATOR),
            new Endpoint("POST", PLATE + "/complete", Roles.OPERATOR),
            new Endpoint("POST", PLATE + "/fail", Roles.OPERATOR),
            new Endpoint("POST", PLATE + "/cancel", Roles.OPERATOR),
            new Endpoint("DELETE", PLATE, Roles.OPERATOR),
            new Endpoint("GET", P + "/reactors", Roles.VIEWER),
            new Endpoint("POST", P + "/reactors", Roles.ADMIN),
            new Endpoint("GET", P + "/reactors" + ID, Roles.VIEWER),
            new Endpoint("POST", P + "/reactors" + ID + "/start-batch", Roles.OPERATOR),
            new Endpoint("PUT", P + "/reactors" + ID + "/status", Roles.OPERATOR),
            new Endpoint("PUT", P + "/reactors" + ID + "/maintenance", Roles.ADMIN),
            new Endpoint("GET", P + "/batches", Roles.VIEWER),
            new Endpoint("GET", P + "/batches" + ID, Roles.VIEWER),
            new Endpoint("PUT", P + "/batches" + ID + "/quality-check", Roles.OPERATOR),
            new Endpoint("PUT", P + "/batches" + ID + "/status", Roles.OPERATOR),
            new Endpoint("GET", P + "/batches" + ID + "/traceability", Roles.VIEWER),
            new Endpoint("GET", P + "/traceability/lots/LOT-1", Roles.VIEWER),
            new Endpoint("GET", P + "/recipes", Roles.VIEWER),
            new Endpoint("POST", P + "/recipes", Roles.ADMIN),
            new Endpoint("GET", P + "/recipes" + ID, Roles.VIEWER),
            new Endpoint("PUT", P + "/recipes" + ID + "/approve", Roles.ADMIN),
            new Endpoint("PUT", P + "/recipes" + ID + "/status", Roles.ADMIN),
            new Endpoint("GET", P + "/stations", Roles.VIEWER),
            new Endpoint("POST", P + "/stations", Roles.ADMIN),
            new Endpoint("GET", P + "/stations" + ID, Roles.VIEWER),
            new Endpoint("POST", P + "/stations" + ID + "/start-production", Roles.OPERATOR),
            new Endpoint("PUT", P + "/stations" + ID + "/status", Roles.OPERATOR),
            new Endpoint("GET", P + "/orders", Roles.VIEWER),
            new Endpoint("POST", P + "/orders", Roles.OPERATOR),
            new Endpoint("GET", P + "/orders" + ID, Roles.VIEWER),
            new Endpoint("PUT", P + "/orders" + ID + "/assign-batch", Roles.OPERATOR),
            new Endpoint("PUT", P + "/orders" + ID + "/status", Roles.OPERATOR),
            new Endpoint("GET", P + "/quality-metrics", Roles.VIEWER),
            new Endpoint("POST", P + "/quality-metrics", Roles.OPERATOR),
            new Endpoint("GET", P + "/operators", Roles.VIEWER),
            new Endpoint("POST", P + "/operators", Roles.ADMIN),
            new Endpoint("GET", P + "/operators" + ID, Roles.VIEWER),
            new Endpoint("PUT", P + "/operators" + ID, Roles.ADMIN));

    private final String tenant = "roles-" + UUID.randomUUID();

    private Response call(Endpoint endpoint, String... roles) {
        var request = given().header("Authorization", TestTokens.bearer(tenant, roles)).contentType(ContentType.JSON);
        if (endpoint.write()) {
            request = request.body("{}");
        }
        return request.request(endpoint.method(), endpoint.path());
    }

    @Test
    void aTokenWithoutRolesIsRefusedEverythingInTheApisErrorBody() {
        for (Endpoint endpoint : MATRIX) {
            Response answer = call(endpoint);
            assertThat(answer.statusCode()).as(endpoint.toString()).isEqualTo(403);
            assertThat(code(endpoint, answer)).as(endpoint.toString()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void theRoleBelowAnEndpointsLeastRoleIsRefusedAndTheLeastRoleGetsThrough() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : MATRIX) {
            String below = switch (endpoint.leastRole()) {
                case Roles.ADMIN -> Roles.OPERATOR;
                case Roles.OPERATOR -> Roles.VIEWER;
                default -> null;
            };
            if (below != null && call(endpoint, below).statusCode() != 403) {
                wrong.add(endpoint + " let " + below + " through");
            }
            int status = call(endpoint, endpoint.leastRole()).statusCode();
            if (status == 401 || status == 403) {
                wrong.add(endpoint + " refused " + endpoint.leastRole() + " with " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyHigherRoleImpliesTheLowerOnes() {
        Endpoint delete = new Endpoint("DELETE", RUN, Roles.ADMIN);
        assertThat(call(delete, Roles.OWNER).statusCode()).isEqualTo(404);
        Endpoint list = new Endpoint("GET", P + "/reactors", Roles.VIEWER);
        assertThat(call(list, Roles.OPERATOR).statusCode()).isEqualTo(200);
        assertThat(call(list, Roles.ADMIN).statusCode()).isEqualTo(200);
    }

    private static String code(Endpoint endpoint, Response answer) {
        return endpoint.path().startsWith(P + "/") ? answer.jsonPath().getString("error.code")
                : answer.jsonPath().getString("code");
    }
}
