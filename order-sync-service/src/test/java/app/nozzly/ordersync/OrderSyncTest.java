package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfra;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class OrderSyncTest {

    @Test
    void loginSyncAndListWorkEndToEnd() {
        SimShop shop = Seller.newShop("EndToEnd");
        List<Long> receipts = Seller.etsy().addReceipts(shop, 30, Duration.ofDays(20));
        String bearer = Seller.bearer(shop);

        Seller.sync(bearer).body("synced_count", equalTo(30)).body("total_orders", equalTo(30))
                .body("message", equalTo("Synced 30 new orders")).body("sync_run.status", equalTo("completed"));

        ExtractableResponse<Response> page = given().header("Authorization", bearer).queryParam("limit", 10)
                .get("/api/orders").then().statusCode(200).body("total", equalTo(30)).body("limit", equalTo(10))
                .body("offset", equalTo(0)).body("page", equalTo(1)).body("pages", equalTo(3))
                .body("orders.items.flatten().sku", everyItem(notNullValue())).extract();
        List<String> etsyIds = page.path("orders.etsy_order_id");
        assertThat(etsyIds).hasSize(10).contains(String.valueOf(receipts.get(receipts.size() - 1)));
        int orderId = page.path("orders[0].id");
        given().header("Authorization", bearer).get("/api/orders/" + orderId).then().statusCode(200)
                .body("id", equalTo(orderId)).body("status", equalTo("paid"))
                .body("production_status", equalTo("pending")).body("currency", equalTo("USD"))
                .body("items[0].title", notNullValue()).body("items[0].price", notNullValue());
    }

    @Test
    void aSecondSyncCreatesNothingAndPicksUpNewReceipts() {
        SimShop shop = Seller.newShop("Incremental");
        Seller.etsy().addReceipts(shop, 12, Duration.ofDays(3));
        String bearer = Seller.bearer(shop);
        Seller.sync(bearer).body("synced_count", equalTo(12));
        Seller.sync(bearer)
                .body("synced_count", equalTo(0)).body("updated_count", equalTo(0)).body("total_orders", equalTo(12));

        Seller.etsy().addReceipts(shop, 3);
        Seller.sync(bearer).body("synced_count", equalTo(3)).body("total_orders", equalTo(15));
    }

    @Test
    void aReceiptRefundedAfterTheFirstSyncChangesTheOrderAndTheRevenueReport() {
        SimShop shop = Seller.newShop("Refunds");
        EtsySimulator etsy = Seller.etsy();
        List<Long> receipts = etsy.addReceipts(shop, 5, Duration.ofDays(2));
        String bearer = Seller.syncedBearer(shop);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();
        BigDecimal before = revenue(bearer, from, today, 5);
        long refunded = receipts.get(1);

        etsy.refund(refunded);
        Seller.sync(bearer).body("synced_count", equalTo(0)).body("updated_count", equalTo(1));

        Integer orderId = given().header("Authorization", bearer).queryParam("status", "refunded").get("/api/orders")
                .then().statusCode(200).body("total", equalTo(1))
                .body("orders[0].etsy_order_id", equalTo(String.valueOf(refunded))).extract().path("orders[0].id");
        assertThat(revenue(bearer, from, today, 4))
                .isEqualByComparingTo(before.subtract(BigDecimal.valueOf(etsy.grandtotalMinor(refunded), 2)));
        List<ConsumerRecord<String, String>> events = KafkaTopics.await("orders.events",
                r -> String.valueOf(orderId).equals(r.key()) && r.value().contains("order.status-changed")
                        && r.value().contains("\"refunded\""), 1, Duration.ofSeconds(60));
        assertThat(events).hasSize(1);
    }

    @Test
    void syncing2000ReceiptsUnder10RequestsPerSecondTakesEachExactlyOnceThroughATokenExpiry() {
        SimShop shop = Seller.newShop("Bulk");
        EtsySimulator etsy = Seller.etsy();
        etsy.addReceipts(shop, 2000, Duration.ofDays(90));
        String bearer = Seller.bearer(shop);
        int refreshesBefore = etsy.refreshes();
        int rejectionsBefore = etsy.expiredTokenRejections();
        int requestsBefore = etsy.apiRequests();
        int limitedBefore = etsy.rateLimitedResponses();
        etsy.expireAccessTokensAfterReceiptRequests(8);

        long started = System.nanoTime();
        Seller.sync(bearer).body("synced_count", equalTo(2000)).body("total_orders", equalTo(2000))
                .body("sync_run.status", equalTo("completed"));
        double seconds = (System.nanoTime() - started) / 1e9;
        int requests = etsy.apiRequests() - requestsBefore;
        System.out.printf("SYNC-2000: %.1f s for %d Etsy requests; the 10/s limit allows it in %.1f s;"
                + " %d answers were 429, %d token refreshes%n", seconds, requests, requests / 10.0,
                etsy.rateLimitedResponses() - limitedBefore, etsy.refreshes() - refreshesBefore);

        assertThat(etsy.expiredTokenRejections() - rejectionsBefore).isPositive();
        assertThat(etsy.refreshes() - refreshesBefore).isPositive();
        List<String> ids = given().header("Authorization", bearer).queryParam("limit", 500).queryParam("offset", 0)
                .get("/api/orders").then().extract().path("orders.etsy_order_id");
        Set<String> all = new HashSet<>(ids);
        for (int offset = 500; offset < 2000; offset += 500) {
            all.addAll(given().header("Authorization", bearer).queryParam("limit", 500).queryParam("offset", offset)
                    .get("/api/orders").then().statusCode(200).extract().<List<String>>path("orders.etsy_order_id"));
        }
        assertThat(all).hasSize(2000);
        assertThat(all).containsAll(etsy.receiptIds(shop).stream().map(String::valueOf).toList());
    }

    @Test
    void etsyFailingMidSyncLosesNothingAndTheNextSyncResumes() {
        SimShop shop = Seller.newShop("Resume");
        EtsySimulator etsy = Seller.etsy();
        etsy.addReceipts(shop, 450, Duration.ofDays(30));
        String bearer = Seller.bearer(shop);
        etsy.failReceiptsAfter(shop, 2);
        try {
            given().header("Authorization", bearer).post("/api/orders/sync").then().statusCode(502)
                    .body("status", equalTo(502));
        } finally {
            etsy.recover(shop);
        }
        ExtractableResponse<Response> runs = given().header("Authorization", bearer).get("/api/orders/sync/runs")
                .then().statusCode(200).body("runs[0].status", equalTo("failed")).body("runs[0].pages", equalTo(2))
                .extract();
        int kept = runs.path("runs[0].receipts_created");
        assertThat(kept).isBetween(150, 200);
        given().header("Authorization", bearer).get("/api/orders").then().body("total", equalTo(kept));

        Seller.sync(bearer).body("total_orders", equalTo(450)).body("synced_count", equalTo(450 - kept))
                .body("sync_run.start_cursor", equalTo(runs.<Integer>path("runs[0].cursor")));
    }

    @Test
    void theDatabaseFailingMidSyncAnswers503AndTheNextSyncResumes() throws Exception {
        SimShop shop = Seller.newShop("Outage");
        List<Long> receipts = Seller.etsy().addReceipts(shop, 30, Duration.ofDays(5));
        String bearer = Seller.bearer(shop);
        // the database refuses one receipt's insert as Postgres does when it shuts down (57P01): not the data's fault
        try (Connection c = DriverManager.getConnection(PlatformInfra.get().jdbcUrl("ordersync"), "postgres",
                "postgres"); Statement sql = c.createStatement()) {
            sql.execute("create function ordersync.shutting_down() returns trigger language plpgsql as $$ begin"
                    + " if new.etsy_receipt_id = " + receipts.get(0) + " then raise exception 'terminating"
                    + " connection due to administrator command' using errcode = '57P01'; end if; return new; end $$");
            sql.execute("create trigger shutting_down before insert on ordersync.shop_order for each row"
                    + " execute function ordersync.shutting_down()");
            try {
                given().header("Authorization", bearer).post("/api/orders/sync").then().statusCode(503)
                        .header("Retry-After", notNullValue()).body("status", equalTo(503));
            } finally {
                sql.execute("drop trigger shutting_down on ordersync.shop_order");
                sql.execute("drop function ordersync.shutting_down()");
            }
        }
        given().header("Authorization", bearer).get("/api/orders/sync/runs").then().statusCode(200)
                .body("runs[0].status", equalTo("failed"));
        given().header("Authorization", bearer).get("/api/orders").then().body("total", equalTo(0));

        Seller.sync(bearer).body("total_orders", equalTo(30)).body("synced_count", equalTo(30));
    }

    @Test
    void syncRunsAreListedWithTheirProgress() {
        SimShop shop = Seller.newShop("Runs");
        Seller.etsy().addReceipts(shop, 4, Duration.ofDays(1));
        String bearer = Seller.bearer(shop);
        int id = Seller.sync(bearer).extract()
                .path("sync_run.id");
        given().header("Authorization", bearer).get("/api/orders/sync/runs/" + id).then().statusCode(200)
                .body("status", equalTo("completed")).body("receipts_seen", equalTo(4))
                .body("receipts_created", equalTo(4)).body("trigger", equalTo("manual"))
                .body("finished_at", notNullValue());
        given().header("Authorization", Seller.bearer(Seller.newShop("Other"))).get("/api/orders/sync/runs/" + id)
                .then().statusCode(404).body("status", equalTo(404));
    }

    private static BigDecimal revenue(String bearer, String from, String to, int expectedOrders) {
        String body = given().header("Authorization", bearer).queryParam("start_date", from)
                .queryParam("end_date", to).queryParam("period", "daily").get("/api/analytics/revenue").then()
                .statusCode(200).body("total_orders", equalTo(expectedOrders)).extract().asString();
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .getObject("total_revenue", BigDecimal.class);
    }
}
