package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.ordersync.sync.service.SyncService;
import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * specs/002 POST /orders/sync against Etsy as Etsy really behaves (its OpenAPI): receipts the service cannot
 * hold, receipts without their times, odd currencies, 429 with retry-after, refresh tokens that rotate.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class RealEtsySyncTest {

    private static final long ETSY_EPOCH = 946_684_800L;
    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Test
    void aReceiptWithAnUnstorableCurrencyIsRefusedWithItsReasonAndTheShopSyncsOn() {
        SimShop shop = Seller.newShop("OddCurrency");
        EtsySimulator etsy = Seller.etsy();
        List<Long> receipts = etsy.addReceipts(shop, 8, Duration.ofDays(5));
        long bad = receipts.get(3);
        etsy.currencyCode(bad, "USDT");
        String bearer = Seller.bearer(shop);

        ExtractableResponse<Response> first;
        try (LogRecords log = LogRecords.of(SyncService.class)) {
            first = Seller.sync(bearer).body("synced_count", equalTo(7)).body("total_orders", equalTo(7))
                    .body("sync_run.status", equalTo("completed")).body("sync_run.receipts_refused", equalTo(1))
                    .body("sync_run.refused[0].etsy_receipt_id", equalTo(String.valueOf(bad)))
                    .body("sync_run.refused[0].reason", equalTo(
                            "its currency_code 'USDT' is not a three-letter ISO 4217 code"))
                    .extract();
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("tenant " + shop.shopId())
                    .contains("shop " + shop.shopId()).contains("receipt " + bad).contains("USDT"));
        }
        int runId = first.path("sync_run.id");
        given().header("Authorization", bearer).get("/api/orders/sync/runs/" + runId).then().statusCode(200)
                .body("status", equalTo("completed")).body("receipts_refused", equalTo(1))
                .body("refused[0].etsy_receipt_id", equalTo(String.valueOf(bad))).body("error", equalTo(null));

        // the bad receipt stops nothing: later syncs complete and pick up what is new
        etsy.addReceipts(shop, 2);
        Seller.sync(bearer).body("sync_run.status", equalTo("completed")).body("synced_count", equalTo(2))
                .body("total_orders", equalTo(9));
    }

    @Test
    void aReceiptTheDatabaseCannotHoldIsRefusedAloneWithTheDatabasesReason() {
        SimShop shop = Seller.newShop("Overflow");
        EtsySimulator etsy = Seller.etsy();
        List<Long> receipts = etsy.addReceipts(shop, 5, Duration.ofDays(2));
        long bad = receipts.get(1);
        etsy.refund(bad, 100_000_000_000_000_000L);
        String bearer = Seller.bearer(shop);

        Seller.sync(bearer).body("sync_run.status", equalTo("completed")).body("synced_count", equalTo(4))
                .body("sync_run.receipts_refused", equalTo(1))
                .body("sync_run.refused[0].etsy_receipt_id", equalTo(String.valueOf(bad)))
                .body("sync_run.refused[0].reason", startsWith("the database refused it: "));
        List<String> held = Seller.orders(bearer).extract().path("orders.etsy_order_id");
        assertThat(held).hasSize(4).doesNotContain(String.valueOf(bad));
    }

    @Test
    void receiptsWithoutTheirTimesAreDatedFromEtsysOtherTimesAndTheCursorNeverFallsBelowEtsysMinimum() {
        SimShop shop = Seller.newShop("NoTimes");
        EtsySimulator etsy = Seller.etsy();
        List<Long> receipts = etsy.addReceipts(shop, 6, Duration.ofDays(3));
        for (long receipt : receipts) {
            etsy.omitFields(receipt, "created_timestamp", "updated_timestamp", "create_timestamp",
                    "update_timestamp");
        }
        String bearer = Seller.bearer(shop);
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).minusDays(4);

        ExtractableResponse<Response> first = Seller.sync(bearer).body("synced_count", equalTo(6))
                .body("sync_run.status", equalTo("completed")).extract();
        Integer cursor = first.path("sync_run.cursor");
        assertThat(cursor == null || cursor >= ETSY_EPOCH).isTrue();
        List<String> dates = Seller.orders(bearer).extract().path("orders.created_at");
        assertThat(dates).hasSize(6).allSatisfy(d -> assertThat(LocalDateTime.parse(d)).isAfter(before));

        // every later sync asks Etsy something it accepts, and new receipts keep arriving
        etsy.addReceipts(shop, 3);
        Seller.sync(bearer).body("sync_run.status", equalTo("completed")).body("synced_count", equalTo(3));
        Seller.sync(bearer).body("sync_run.status", equalTo("completed")).body("synced_count", equalTo(0))
                .body("total_orders", equalTo(9));
    }

    @Test
    void receiptsNamingTheirTimesOnlyByEtsysOtherNamesKeepTheirExactDates() {
        SimShop shop = Seller.newShop("OldNames");
        EtsySimulator etsy = Seller.etsy();
        List<Long> receipts = etsy.addReceipts(shop, 3, Duration.ofDays(40));
        receipts.forEach(r -> etsy.omitFields(r, "created_timestamp", "updated_timestamp"));
        String bearer = Seller.bearer(shop);

        int cursor = Seller.sync(bearer).body("synced_count", equalTo(3)).extract().path("sync_run.cursor");
        List<String> dates = Seller.orders(bearer).extract().path("orders.created_at");
        LocalDateTime oldest = dates.stream().map(LocalDateTime::parse).min(LocalDateTime::compareTo).orElseThrow();
        assertThat(oldest).isBefore(LocalDateTime.now(ZoneOffset.UTC).minusDays(39));
        assertThat((long) cursor).isGreaterThan(Instant.now().minusSeconds(60).getEpochSecond());
    }

    @Test
    void ordersInCurrenciesWithoutDecimalsOrWithThreeKeepTheirExactAmounts() {
        for (Map.Entry<String, Integer> currency : Map.of("JPY", 0, "KWD", 3).entrySet()) {
            SimShop shop = Seller.etsy().createShop("Currency" + currency.getKey() + System.nanoTime() % 100_000,
                    "Dana", "Maker", currency.getKey());
            long receipt = Seller.etsy().addReceipts(shop, 1).get(0);
            String bearer = Seller.bearer(shop);
            Seller.sync(bearer).body("synced_count", equalTo(1));
            String body = Seller.orders(bearer)
                    .body("orders[0].currency", equalTo(currency.getKey())).extract().asString();
            BigDecimal total = JsonPath.from(body).using(DECIMALS).getObject("orders[0].total_amount",
                    BigDecimal.class);
            assertThat(total).isEqualByComparingTo(BigDecimal.valueOf(Seller.etsy().grandtotalMinor(receipt),
                    currency.getValue()));
        }
    }

    @Test
    void etsysRetryAfterIsWaitedOutBeforeTheNextCall() {
        SimShop shop = Seller.newShop("Throttled");
        EtsySimulator etsy = Seller.etsy();
        etsy.addReceipts(shop, 250, Duration.ofDays(30));
        String bearer = Seller.bearer(shop);
        int early = etsy.requestsDuringRetryAfter();
        int limited = etsy.rateLimitedResponses();

        etsy.throttle(Duration.ofSeconds(2));
        long started = System.nanoTime();
        Seller.sync(bearer).body("sync_run.status", equalTo("completed")).body("synced_count", equalTo(250));

        assertThat(etsy.rateLimitedResponses() - limited).isPositive();
        assertThat(etsy.requestsDuringRetryAfter() - early).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refreshTokensRotateThroughEveryRefreshOfALongSync() {
        SimShop shop = Seller.newShop("Rotation");
        EtsySimulator etsy = Seller.etsy();
        etsy.addReceipts(shop, 1000, Duration.ofDays(60));
        String bearer = Seller.bearer(shop);
        int refreshes = etsy.refreshes();
        etsy.expireAccessTokensEveryReceiptRequests(3);
        try {
            Seller.sync(bearer).body("sync_run.status", equalTo("completed")).body("synced_count", equalTo(1000));
        } finally {
            etsy.expireAccessTokensEveryReceiptRequests(0);
        }
        assertThat(etsy.refreshes() - refreshes).isGreaterThanOrEqualTo(3);

        etsy.addReceipts(shop, 1);
        Seller.sync(bearer).body("synced_count", equalTo(1));
        List<Integer> counts = new ArrayList<>();
        for (int offset = 0; offset < 1001; offset += 500) {
            counts.add(given().header("Authorization", bearer).queryParam("limit", 500).queryParam("offset", offset)
                    .get("/api/orders").then().statusCode(200).extract().<List<?>>path("orders").size());
        }
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1001);
    }
}
