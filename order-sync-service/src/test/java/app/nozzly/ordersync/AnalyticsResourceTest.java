package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.Envelopes;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class AnalyticsResourceTest {

    @Test
    void dashboardCountsPrintsAndMaterialsFromOtherServicesEventsOnce() {
        String tenant = "dash-" + UUID.randomUUID();
        String finished = event(tenant, "printer.job.finished", "p1",
                "{\"job_id\":1,\"printer_id\":\"p1\",\"status\":\"finished\",\"filament_used_grams\":1500}");
        KafkaTopics.send("printer.jobs", "p1", finished);
        KafkaTopics.send("printer.jobs", "p1", finished);
        KafkaTopics.send("printer.jobs", "p1", event(tenant, "printer.job.finished", "p1",
                "{\"job_id\":2,\"printer_id\":\"p1\",\"status\":\"finished\",\"filament_used_grams\":250.5}"));
        KafkaTopics.send("printer.jobs", "p2", event(tenant, "printer.job.failed", "p2",
                "{\"job_id\":3,\"printer_id\":\"p2\",\"status\":\"failed\",\"filament_used_grams\":40}"));
        KafkaTopics.send("printer.jobs", "p2", event(tenant, "printer.job.progress", "p2",
                "{\"job_id\":4,\"printer_id\":\"p2\",\"progress\":40}"));
        KafkaTopics.send("inventory.stock", "s1", event(tenant, "inventory.stock.moved", "s1",
                "{\"item_type\":\"spool\",\"item_id\":\"s1\",\"kind\":\"receipt\",\"quantity\":1000,\"unit\":\"g\","
                        + "\"balance_after\":1000}"));
        KafkaTopics.send("inventory.stock", "s2", event(tenant, "inventory.stock.moved", "s2",
                "{\"item_type\":\"spool\",\"item_id\":\"s2\",\"kind\":\"consumption\",\"quantity\":-950,\"unit\":\"g\","
                        + "\"balance_after\":50}"));
        KafkaTopics.send("inventory.stock", "s2", event(tenant, "inventory.stock.low", "s2",
                "{\"item_type\":\"spool\",\"item_id\":\"s2\",\"current\":50,\"threshold\":100}"));
        KafkaTopics.send("inventory.stock", "s3", event(tenant, "inventory.stock.moved", "s3",
                "{\"item_type\":\"spool\",\"item_id\":\"s3\",\"kind\":\"consumption\",\"quantity\":-10,\"unit\":\"g\","
                        + "\"balance_after\":0}"));

        String bearer = TestTokens.bearer(tenant, "owner");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().header("Authorization", bearer)
                .get("/api/analytics/dashboard").then().statusCode(200).body("total_prints", equalTo(3))
                .body("prints_completed", equalTo(2)).body("low_stock_alerts", equalTo(1))
                .body("materials_in_stock", equalTo(2)));
        given().header("Authorization", bearer).get("/api/analytics/dashboard").then()
                .body("print_success_rate", equalTo(66.7f)).body("filament_used_kg", equalTo(1.79f))
                .body("total_orders", equalTo(0)).body("revenue_this_month", equalTo(0.0f));

        KafkaTopics.send("inventory.stock", "s2", event(tenant, "inventory.stock.moved", "s2",
                "{\"item_type\":\"spool\",\"item_id\":\"s2\",\"kind\":\"receipt\",\"quantity\":900,\"unit\":\"g\","
                        + "\"balance_after\":950}"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer)
                .get("/api/analytics/dashboard").then().body("low_stock_alerts", equalTo(0)));
    }

    @Test
    void aBatchOfStockEventsAppliesEveryValidOneAndDeadLettersOnlyTheBrokenOnes() {
        String tenant = "batch-" + UUID.randomUUID();
        String unreadable = "{\"tenant\": \"" + tenant + "\", not JSON";
        String noBalance = event(tenant, "inventory.stock.moved", "b2",
                "{\"item_type\":\"spool\",\"item_id\":\"b2\",\"kind\":\"receipt\",\"quantity\":5,\"unit\":\"g\"}");
        String receipt = moved(tenant, "b1", 100);
        KafkaTopics.sendTogether("inventory.stock", tenant, List.of(receipt, unreadable, noBalance, moved(tenant, "b3",
                30), receipt, moved(tenant, "b4", 0), moved(tenant, "b5", 12)));

        String bearer = TestTokens.bearer(tenant, "owner");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer)
                .get("/api/analytics/dashboard").then().statusCode(200).body("materials_in_stock", equalTo(3)));
        assertThat(KafkaTopics.all("dlq.order-sync-service.inventory.stock", r -> r.value().contains(tenant),
                Duration.ofSeconds(5))).extracting(r -> r.value()).containsExactlyInAnyOrder(unreadable, noBalance);
    }

    private static String moved(String tenant, String spool, int balance) {
        return event(tenant, "inventory.stock.moved", spool, "{\"item_type\":\"spool\",\"item_id\":\"" + spool
                + "\",\"kind\":\"receipt\",\"quantity\":" + balance + ",\"unit\":\"g\",\"balance_after\":"
                + balance + "}");
    }

    @Test
    void revenueReportHasOneBucketPerPeriodAndRefusesBadInput() {
        String bearer = TestTokens.bearer("rev-" + UUID.randomUUID(), "owner");
        given().header("Authorization", bearer).queryParam("start_date", "2025-01-01")
                .queryParam("end_date", "2025-03-31").queryParam("period", "monthly").get("/api/analytics/revenue")
                .then().statusCode(200).body("period", equalTo("monthly")).body("data", hasSize(3))
                .body("data[0].date", equalTo("2025-01-01")).body("data[2].date", equalTo("2025-03-01"))
                .body("total_orders", equalTo(0));
        given().header("Authorization", bearer).queryParam("start_date", "2025-01-01")
                .queryParam("end_date", "2025-01-14").queryParam("period", "weekly").get("/api/analytics/revenue")
                .then().statusCode(200).body("data[0].date", equalTo(LocalDate.of(2024, 12, 30).toString()));
        given().header("Authorization", bearer).queryParam("period", "hourly").get("/api/analytics/revenue").then()
                .statusCode(400).body("status", equalTo(400));
        given().header("Authorization", bearer).queryParam("start_date", "2025-02-01")
                .queryParam("end_date", "2025-01-01").get("/api/analytics/revenue").then().statusCode(400);
    }

    @Test
    void averageOrderValueIsThisMonthsRevenueOverThisMonthsOrdersAsSpecs002Defines() {
        SimShop shop = Seller.newShop("Average");
        EtsySimulator etsy = Seller.etsy();
        etsy.addReceipts(shop, 12, Duration.ofDays(120));
        etsy.addReceipts(shop, 3);
        String bearer = Seller.bearer(shop);
        Seller.sync(bearer).body("synced_count", equalTo(15));
        // orders of earlier months keep a tenth of their value: an all-time average would be far lower
        LocalDate monthStart = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        JsonPath orders = json(given().header("Authorization", bearer).queryParam("limit", 100).get("/api/orders"));
        BigDecimal revenue = BigDecimal.ZERO;
        int count = 0;
        for (int i = 0; i < orders.getList("orders").size(); i++) {
            long receipt = Long.parseLong(orders.getString("orders[" + i + "].etsy_order_id"));
            if (LocalDate.parse(orders.getString("orders[" + i + "].created_at").substring(0, 10))
                    .isBefore(monthStart)) {
                etsy.refund(receipt, etsy.grandtotalMinor(receipt) * 9 / 10);
            } else {
                revenue = revenue.add(orders.getObject("orders[" + i + "].total_amount", BigDecimal.class));
                count++;
            }
        }
        Seller.sync(bearer);

        JsonPath dashboard = json(given().header("Authorization", bearer).get("/api/analytics/dashboard"));
        assertThat(dashboard.getInt("total_orders")).isEqualTo(15);
        assertThat(dashboard.getInt("orders_this_month")).isEqualTo(count);
        assertThat(dashboard.getObject("revenue_this_month", BigDecimal.class)).isEqualByComparingTo(revenue);
        assertThat(dashboard.getObject("average_order_value", BigDecimal.class))
                .isEqualByComparingTo(revenue.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN));
    }

    private static JsonPath json(io.restassured.response.Response response) {
        return JsonPath.from(response.then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static String event(String tenant, String type, String subject, String data) {
        return Envelopes.envelope("test", type, subject, tenant, Envelopes.data(data));
    }
}
