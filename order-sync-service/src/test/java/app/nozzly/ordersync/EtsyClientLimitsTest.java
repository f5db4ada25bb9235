package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The Etsy client's own limits: the API key's request budget holds even when Etsy would allow more, and an Etsy
 * that keeps failing is left alone for a while (circuit breaker) instead of being called again and again.
 */
@QuarkusTest
@TestProfile(EtsyClientLimitsTest.TightLimits.class)
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class EtsyClientLimitsTest {

    /** A budget of 3 requests a second (Etsy allows 10), and a breaker that opens after 4 calls and waits 2 s. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("etsy.rate-per-second", "3",
                    "quarkus.fault-tolerance.global.circuit-breaker.request-volume-threshold", "4",
                    "quarkus.fault-tolerance.global.circuit-breaker.delay", "2000");
        }
    }

    @Test
    void theApiKeysBudgetHoldsWhereEtsyWouldAllowMore() {
        SimShop shop = Seller.newShop("Budget");
        EtsySimulator etsy = Seller.etsy();
        etsy.addReceipts(shop, 1200, Duration.ofDays(60));
        String bearer = Seller.bearer(shop);
        int limited = etsy.rateLimitedResponses();
        etsy.resetPeakRequestsPerSecond();

        Seller.sync(bearer).body("sync_run.status", equalTo("completed")).body("synced_count", equalTo(1200));

        assertThat(etsy.peakRequestsPerSecond()).isBetween(1, 3);
        assertThat(etsy.rateLimitedResponses() - limited).isZero();
    }

    @Test
    void anEtsyThatKeepsFailingIsLeftAloneForAWhileAndSyncsResumeAfterwards() {
        SimShop shop = Seller.newShop("Outage");
        EtsySimulator etsy = Seller.etsy();
        etsy.addReceipts(shop, 120, Duration.ofDays(10));
        String bearer = Seller.bearer(shop);
        etsy.failReceiptsAfter(shop, 0);
        try {
            // attempts fail until the breaker opens, within this very sync or the next
            given().header("Authorization", bearer).post("/api/orders/sync").then().statusCode(502);
            given().header("Authorization", bearer).post("/api/orders/sync").then().statusCode(502);
            int requests = etsy.apiRequests();
            given().header("Authorization", bearer).post("/api/orders/sync").then().statusCode(502)
                    .body("error", containsString("Etsy failed too often just now"));
            assertThat(etsy.apiRequests()).isEqualTo(requests);
        } finally {
            etsy.recover(shop);
        }
        // the breaker lets a call through once its delay has passed
        await().pollDelay(Duration.ofMillis(2100)).pollInterval(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().header("Authorization", bearer).post("/api/orders/sync").then()
                        .statusCode(200).body("sync_run.status", equalTo("completed"))
                        .body("total_orders", equalTo(120)));
    }
}
