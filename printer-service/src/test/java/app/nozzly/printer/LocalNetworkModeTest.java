package app.nozzly.printer;

import static app.nozzly.printer.support.OfflinePrinters.prusa;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import app.nozzly.printer.support.Endpoints;
import app.nozzly.printer.support.Endpoints.Endpoint;
import app.nozzly.printer.support.LiveClient;
import app.nozzly.testing.Envelopes;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * specs/003 "Authentication: None (local network deployment)" as the explicit opt-in printer.local-mode.tenant:
 * requests without a token act as that tenant with the operator's roles, a token's tenant and roles still rule,
 * specs/002 still needs a token.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@TestProfile(LocalNetworkProfile.class)
class LocalNetworkModeTest {

    private static final String LOCAL_AS_TOKEN = TestTokens.bearer(LocalNetworkProfile.LOCAL_TENANT, "admin");
    private static final String OTHER = TestTokens.bearer("local-other", "admin");

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void specs003PathsAnswerWithoutATokenAsTheConfiguredTenant() {
        given().header("Authorization", LOCAL_AS_TOKEN).contentType(ContentType.JSON).body(prusa("prusa_local_1"))
                .post("/api/v1/printers").then().statusCode(201);
        given().get("/api/v1/printers").then().statusCode(200).body("printers.id", hasItem("prusa_local_1"));
        given().get("/api/v1/health").then().statusCode(200);
        given().get("/api/v1/jobs").then().statusCode(200);
        // the printer belongs to the configured tenant: its own token sees it, another tenant's does not
        given().header("Authorization", LOCAL_AS_TOKEN).get("/api/v1/printers/prusa_local_1").then().statusCode(200);
        given().header("Authorization", OTHER).get("/api/v1/printers/prusa_local_1").then().statusCode(404);
    }

    @Test
    void aCallerWithoutATokenIsAnOperatorWhoRunsThePrintersButNeitherAddsNorRemovesThem() {
        // status reads are left out: this profile's budget for them is small (RateLimitTest)
        for (Endpoint endpoint : Endpoints.ALL.stream()
                .filter(e -> e.writes() || !e.path().startsWith("/api/v1/printers")).toList()) {
            int status = endpoint.call(null).statusCode();
            if (endpoint.path().startsWith("/api/bambu/")) {
                assertThat(status).as(endpoint.toString()).isEqualTo(401);
            } else if (Endpoints.allows("operator", endpoint.leastRole())) {
                assertThat(status).as(endpoint.toString()).isNotIn(401, 403);
            } else {
                assertThat(status).as(endpoint.toString()).isEqualTo(403);
            }
        }
        given().contentType(ContentType.JSON).body(prusa("prusa_local_anonymous")).post("/api/v1/printers").then()
                .statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().header("Authorization", LOCAL_AS_TOKEN).get("/api/v1/statistics/printers/prusa_local_anonymous")
                .then().statusCode(404);
    }

    @Test
    void aTokenStillRulesInLocalMode() {
        given().header("Authorization", OTHER).contentType(ContentType.JSON).body(prusa("prusa_local_other"))
                .post("/api/v1/printers").then().statusCode(201);
        given().get("/api/v1/printers").then().statusCode(200).body("printers.id", not(hasItem("prusa_local_other")));
        given().header("Authorization", OTHER).get("/api/v1/printers").then().statusCode(200)
                .body("printers.id", hasItem("prusa_local_other")).body("printers.id", not(hasItem("prusa_local_1")));
        given().header("Authorization", "Bearer not-a-token").get("/api/v1/printers").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.expired(LocalNetworkProfile.LOCAL_TENANT, "admin"))
                .get("/api/v1/printers").then().statusCode(401);
    }

    @Test
    void specs002PathsStillNeedAToken() {
        given().get("/api/bambu/printers").then().statusCode(401);
        given().get("/api/bambu/scheduled-prints").then().statusCode(401);
        given().header("Authorization", OTHER).get("/api/bambu/printers").then().statusCode(200);
    }

    @Test
    void webSocketWithoutATokenReceivesTheLocalTenantsAlertsOnly() throws Exception {
        try (LiveClient local = LiveClient.connect(port, null); LiveClient other = LiveClient.connect(port, OTHER)) {
            String item = "7d1f7c1e-0000-4000-8000-000000000001";
            KafkaTopics.send("inventory.stock", item, Envelopes.envelope(Envelopes.newId(), "inventory-service",
                    "inventory.stock.low", item, LocalNetworkProfile.LOCAL_TENANT, Map.of("item_type", "material",
                            "item_id", item, "spool_id", "SP-LOCAL-1", "current", 80, "threshold", 100, "unit", "g",
                            "reserved", 120, "reservations", List.of(Map.of("reservation_id",
                                    "7d1f7c1e-0000-4000-8000-0000000000aa", "reference", "PR-LOCAL-1", "quantity", 120)))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(local.data("system_alert"))
                    .anySatisfy(alert -> {
                        assertThat(alert.path("code").asText()).isEqualTo("LOW_STOCK");
                        assertThat(alert.path("details").path("spool_id").asText()).isEqualTo("SP-LOCAL-1");
                    }));
            assertThat(other.data("system_alert")).isEmpty();
        }
    }
}
