package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

/**
 * A client written against specs/002 alone, through a whole life: Etsy sign-in (login, the seller's consent on
 * Etsy, callback), sync, the order list with its filters and every page of it, order detail, status updates,
 * notes, communications, a second sync after Etsy changed, the analytics, logout. It calls nothing else of ours
 * and reads every list to its end, however long.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class OrderLifecycleTest {

    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    /** What a client keeps of an order from the list. */
    private record Row(int id, String etsyOrderId, String status, String productionStatus, String currency,
            BigDecimal totalAmount, LocalDateTime createdAt, List<String> itemTitles) {
    }

    @Test
    void aSellerSignsInSyncsWorksOrdersThroughTheirLifeAndReadsTheFiguresBack() throws Exception {
        EtsySimulator etsy = EtsySimulatorResource.etsy();
        SimShop shop = etsy.createShop("Lifecycle" + System.nanoTime() % 100_000, "Dana", "Maker");
        etsy.addReceipts(shop, 130, Duration.ofDays(95));

        // sign in: GET /auth/login, the seller approves on Etsy, POST /auth/callback
        Response login = given().get("/api/auth/login").then().statusCode(200).extract().response();
        Map<String, String> redirect = approveOnEtsy(etsy, shop, login.path("auth_url"));
        Response signedIn = given().contentType(ContentType.JSON)
                .body(Map.of("code", redirect.get("code"), "code_verifier", login.path("code_verifier")))
                .post("/api/auth/callback").then().statusCode(200)
                .body("user.shop_id", equalTo(String.valueOf(shop.shopId())))
                .body("user.shop_name", equalTo(shop.shopName())).extract().response();
        String bearer = "Bearer " + signedIn.path("token");
        given().header("Authorization", bearer).get("/api/auth/user").then().statusCode(200)
                .body("id", equalTo(signedIn.<Integer>path("user.id")))
                .body("etsy_user_id", equalTo(String.valueOf(shop.userId())));

        // POST /orders/sync
        Seller.sync(bearer).body("message", equalTo("Synced 130 new orders")).body("synced_count", equalTo(130))
                .body("total_orders", equalTo(130));

        // every page of the list, newest first
        List<Row> orders = allOrders(bearer, Map.of());
        assertThat(orders).hasSize(130);
        assertThat(orders.stream().map(Row::id).distinct()).hasSize(130);
        List<LocalDateTime> created = orders.stream().map(Row::createdAt).toList();
        assertThat(created).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(orders).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo("paid");
            assertThat(o.productionStatus()).isEqualTo("pending");
            assertThat(o.currency()).isEqualTo("USD");
            assertThat(o.itemTitles()).isNotEmpty();
        });

        // filters: a date range, status, production status
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(30);
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        long inRange = created.stream().filter(c -> !c.toLocalDate().isBefore(from) && !c.toLocalDate().isAfter(to))
                .count();
        assertThat(allOrders(bearer, Map.of("start_date", from.toString(), "end_date", to.toString())))
                .hasSize((int) inRange).allSatisfy(o -> assertThat(o.createdAt().toLocalDate()).isBetween(from, to));
        assertThat(allOrders(bearer, Map.of("status", "shipped"))).isEmpty();

        // detail, then the seller works one order through production and shipping
        Row first = orders.get(0);
        int orderId = first.id();
        JsonPath detail = JsonPath.from(given().header("Authorization", bearer).get("/api/orders/" + orderId).then()
                .statusCode(200).extract().asString()).using(DECIMALS);
        assertThat(detail.getString("etsy_order_id")).isEqualTo(first.etsyOrderId());
        assertThat(detail.getObject("total_amount", BigDecimal.class)).isEqualByComparingTo(first.totalAmount());
        assertThat(detail.getList("items.title", String.class)).isEqualTo(first.itemTitles());
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("production_status", "in_progress")).put("/api/orders/" + orderId).then()
                .statusCode(200).body("production_status", equalTo("in_progress")).body("status", equalTo("paid"));
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("status", "shipped", "production_status", "completed", "notes",
                        "Completed and ready to ship"))
                .put("/api/orders/" + orderId).then().statusCode(200).body("status", equalTo("shipped"))
                .body("production_status", equalTo("completed")).body("notes", equalTo("Completed and ready to ship"));
        assertThat(allOrders(bearer, Map.of("production_status", "completed", "status", "shipped")))
                .extracting(Row::id).containsExactly(orderId);

        // notes and communications, read back whole
        for (int i = 1; i <= 120; i++) {
            given().header("Authorization", bearer).contentType(ContentType.JSON)
                    .body(Map.of("content", "Check " + i)).post("/api/orders/" + orderId + "/notes").then()
                    .statusCode(201).body("order_id", equalTo(orderId)).body("content", equalTo("Check " + i));
        }
        List<String> notes = given().header("Authorization", bearer).get("/api/orders/" + orderId + "/notes").then()
                .statusCode(200).extract().path("content");
        assertThat(notes).hasSize(120).startsWith("Check 1", "Check 2").endsWith("Check 120");
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("message", "Customer asked about delivery date", "direction", "inbound", "channel",
                        "etsy_message"))
                .post("/api/orders/" + orderId + "/communications").then().statusCode(201)
                .body("message", equalTo("Customer asked about delivery date"))
                .body("direction", equalTo("inbound")).body("channel", equalTo("etsy_message"));

        // Etsy moves on: a refund, a partial refund, a cancellation, two new orders; the next sync follows
        long refunded = Long.parseLong(orders.get(3).etsyOrderId());
        long partly = Long.parseLong(orders.get(4).etsyOrderId());
        long cancelled = Long.parseLong(orders.get(5).etsyOrderId());
        etsy.refund(refunded);
        etsy.refund(partly, 250);
        etsy.cancel(cancelled);
        etsy.addReceipts(shop, 2);
        Seller.sync(bearer).body("synced_count", equalTo(2)).body("total_orders", equalTo(132));
        assertThat(allOrders(bearer, Map.of("status", "refunded"))).extracting(Row::etsyOrderId)
                .containsExactly(String.valueOf(refunded));
        assertThat(allOrders(bearer, Map.of("status", "partially_refunded"))).extracting(Row::etsyOrderId)
                .containsExactly(String.valueOf(partly));
        assertThat(allOrders(bearer, Map.of("status", "cancelled"))).extracting(Row::etsyOrderId)
                .containsExactly(String.valueOf(cancelled));

        // analytics: what the orders say, as a client can add them up
        List<Row> now = allOrders(bearer, Map.of());
        assertThat(now).hasSize(132);
        LocalDate monthStart = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        BigDecimal monthRevenue = BigDecimal.ZERO;
        BigDecimal allRevenue = BigDecimal.ZERO;
        long monthOrders = 0;
        long earning = 0;
        for (Row o : now) {
            if (o.status().equals("refunded") || o.status().equals("cancelled")) {
                continue;
            }
            BigDecimal net = o.totalAmount();
            if (o.etsyOrderId().equals(String.valueOf(partly))) {
                net = net.subtract(new BigDecimal("2.50"));
            }
            earning++;
            allRevenue = allRevenue.add(net);
            if (!o.createdAt().toLocalDate().isBefore(monthStart)) {
                monthOrders++;
                monthRevenue = monthRevenue.add(net);
            }
        }
        JsonPath dashboard = JsonPath.from(given().header("Authorization", bearer).get("/api/analytics/dashboard")
                .then().statusCode(200).extract().asString()).using(DECIMALS);
        assertThat(dashboard.getInt("total_orders")).isEqualTo(132);
        assertThat(dashboard.getLong("orders_this_month")).isEqualTo(monthOrders);
        assertThat(dashboard.getObject("revenue_this_month", BigDecimal.class)).isEqualByComparingTo(monthRevenue);
        assertThat(dashboard.getObject("average_order_value", BigDecimal.class))
                .isEqualByComparingTo(monthRevenue.divide(BigDecimal.valueOf(monthOrders), 2, RoundingMode.HALF_EVEN));
        JsonPath revenue = JsonPath.from(given().header("Authorization", bearer)
                .queryParam("start_date", LocalDate.now(ZoneOffset.UTC).minusDays(100).toString())
                .queryParam("end_date", LocalDate.now(ZoneOffset.UTC).toString()).queryParam("period", "monthly")
                .get("/api/analytics/revenue").then().statusCode(200).body("period", equalTo("monthly")).extract()
                .asString()).using(DECIMALS);
        assertThat(revenue.getLong("total_orders")).isEqualTo(earning);
        assertThat(revenue.getObject("total_revenue", BigDecimal.class)).isEqualByComparingTo(allRevenue);
        List<Map<String, Object>> months = revenue.getList("data");
        Map<String, Object> thisMonth = months.get(months.size() - 1);
        assertThat(thisMonth.get("date")).isEqualTo(monthStart.toString());
        assertThat(((Number) thisMonth.get("order_count")).longValue()).isEqualTo(monthOrders);
        assertThat(new BigDecimal(thisMonth.get("average_order").toString()))
                .isEqualByComparingTo(dashboard.getObject("average_order_value", BigDecimal.class));

        // logout ends the token
        given().header("Authorization", bearer).post("/api/auth/logout").then().statusCode(200)
                .body("message", equalTo("Logged out successfully"));
        given().header("Authorization", bearer).get("/api/orders").then().statusCode(401).body("status", equalTo(401));
    }

    /** Every order matching {@code filters}, page by page (limit 50, the spec's default), as a client reads them. */
    private static List<Row> allOrders(String bearer, Map<String, String> filters) {
        List<Row> all = new ArrayList<>();
        Set<Integer> pagesSeen = new HashSet<>();
        int offset = 0;
        while (true) {
            JsonPath page = JsonPath.from(given().header("Authorization", bearer).queryParams(filters)
                    .queryParam("limit", 50).queryParam("offset", offset).get("/api/orders").then().statusCode(200)
                    .extract().asString()).using(DECIMALS);
            int total = page.getInt("total");
            assertThat(page.getInt("page")).isEqualTo(offset / 50 + 1);
            assertThat(pagesSeen.add(page.getInt("page"))).isTrue();
            int size = page.getList("orders").size();
            for (int i = 0; i < size; i++) {
                String o = "orders[" + i + "].";
                all.add(new Row(page.getInt(o + "id"), page.getString(o + "etsy_order_id"),
                        page.getString(o + "status"), page.getString(o + "production_status"),
                        page.getString(o + "currency"), page.getObject(o + "total_amount", BigDecimal.class),
                        LocalDateTime.parse(page.getString(o + "created_at")),
                        page.getList(o + "items.title", String.class)));
            }
            offset += 50;
            if (offset >= total) {
                assertThat(all).hasSize(total);
                return all;
            }
        }
    }

    /** The seller's browser at Etsy: Etsy's consent page redirects back with code and state. */
    private static Map<String, String> approveOnEtsy(EtsySimulator etsy, SimShop shop, String authUrl)
            throws Exception {
        etsy.approveAs(shop);
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authUrl))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, String> params = new HashMap<>();
        for (String pair : URI.create(response.headers().firstValue("Location").orElseThrow()).getRawQuery()
                .split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }
}
