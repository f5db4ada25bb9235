package app.nozzly.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * inventory-service down: both APIs answer in their own shape that nothing changed, naming the item, and after
 * enough failed calls the one inventory client's circuit opens instead of every request waiting out its retries.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, restrictToAnnotatedClass = true)
@TestProfile(InventoryOutageTest.InventoryDown.class)
class InventoryOutageTest {

    /** Nothing listens on port 9 (discard) of this machine. */
    public static class InventoryDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.inventory.url", "http://localhost:9");
        }
    }

    private final String tenant = "outage-" + UUID.randomUUID();

    @Test
    void bothApisAnswerUnavailableNamingTheItemAndTheCircuitOpens() {
        String spool = UUID.randomUUID().toString();
        for (int i = 0; i < 8; i++) {
            api().body(Map.of("items", List.of(), "materials", List.of(Map.of("spool_id", spool,
                    "estimated_model_weight_grams", 10)))).post("/api/v1/production-runs").then().statusCode(503)
                    .contentType("application/problem+json").body("detail", containsString("spool " + spool));
        }
        String product = UUID.randomUUID().toString();
        api().body(Map.of("product_id", product, "quantity_ordered", 10, "priority", "normal", "due_date",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString())).post("/api/v1/production/orders").then()
                .statusCode(503).body("error.code", equalTo("INVENTORY_UNAVAILABLE"))
                .body("error.message", containsString("product " + product));

        api().get("/api/v1/production-runs").then().body("total", equalTo(0));
        api().get("/api/v1/production/orders").then().body("total", equalTo(0));
        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("ft_circuitbreaker_opened_total")
                && l.contains("InventoryApi") && !l.endsWith(" 0.0"))).isNotEmpty();
    }

    private RequestSpecification api() {
        return given().header("Authorization", TestTokens.bearer(tenant, "admin")).contentType(ContentType.JSON);
    }
}
