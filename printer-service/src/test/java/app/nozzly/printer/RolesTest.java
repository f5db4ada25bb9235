package app.nozzly.printer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import app.nozzly.printer.support.Endpoints;
import app.nozzly.printer.support.Endpoints.Endpoint;
import app.nozzly.printer.support.LiveClient;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Roles on every endpoint (README "Roles"): viewers read, operators run printers, jobs, files and the print queue,
 * admins register printers and decide where notifications go; a token without roles gets nothing, each role gets
 * what the roles below it get.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class RolesTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void eachEndpointAnswersTheRolesAtOrAboveItsLeastRoleAndRefusesTheOthersWith403() {
        for (String role : Endpoints.ROLES) {
            String token = TestTokens.bearer("roles-" + role, role);
            for (Endpoint endpoint : Endpoints.ALL) {
                Response answer = endpoint.call(token);
                if (Endpoints.allows(role, endpoint.leastRole())) {
                    assertThat(answer.statusCode()).as(role + " on " + endpoint).isNotIn(401, 403);
                } else {
                    assertThat(answer.statusCode()).as(role + " on " + endpoint).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void aTokenWithoutRolesIsRefusedEverything() {
        String token = TestTokens.bearer("roles-none");
        for (Endpoint endpoint : Endpoints.ALL) {
            assertThat(endpoint.call(token).statusCode()).as(endpoint.toString()).isEqualTo(403);
        }
    }

    @Test
    void aViewerIsRefusedEveryWriteAndNothingChanges() {
        String viewer = TestTokens.bearer("roles-write", "viewer");
        String admin = TestTokens.bearer("roles-write", "admin");
        for (Endpoint endpoint : Endpoints.ALL.stream().filter(Endpoint::writes).toList()) {
            assertThat(endpoint.call(viewer).statusCode()).as(endpoint.toString()).isEqualTo(403);
        }
        given().header("Authorization", admin).get("/api/v1/printers").then()
                .body("total_count", equalTo(0));
        given().header("Authorization", admin).get("/api/bambu/scheduled-prints").then()
                .body("size()", equalTo(0));
    }

    @Test
    void theWebSocketNeedsAViewer() throws Exception {
        Throwable refused = catchThrowable(
                () -> LiveClient.connect(port, TestTokens.bearer("roles-ws")));
        assertThat(refused).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode())
                .isEqualTo(403);
        try (LiveClient viewer = LiveClient.connect(port, TestTokens.bearer("roles-ws", "viewer"))) {
            assertThat(viewer.closedWithin(Duration.ofSeconds(2))).isEmpty();
        }
    }
}
