package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** specs/002 sync: every connected shop is synced on a schedule (ordersync.sync.every), nobody calling sync. */
@QuarkusTest
@TestProfile(ScheduledSyncTest.EveryFewSeconds.class)
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class ScheduledSyncTest {

    /** The schedule of a deployment (5m) shortened to seconds. */
    public static class EveryFewSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ordersync.sync.every", "2s", "ordersync.sync.initial-delay", "1s");
        }
    }

    @Test
    void receiptsCreatedOnEtsyBecomeOrdersWithoutAnyoneCallingSync() {
        SimShop shop = Seller.newShop("Scheduled");
        Seller.etsy().addReceipts(shop, 7, Duration.ofDays(2));
        String bearer = Seller.bearer(shop);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> Seller.orders(bearer).body("total", equalTo(7)));

        Seller.etsy().addReceipts(shop, 2);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> Seller.orders(bearer).body("total", equalTo(9)));
        given().header("Authorization", bearer).get("/api/orders/sync/runs").then().statusCode(200)
                .body("runs.trigger", everyItem(equalTo("scheduled")))
                .body("runs.status", hasItem("completed"));
    }
}
