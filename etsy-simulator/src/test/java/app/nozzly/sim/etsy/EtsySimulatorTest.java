package app.nozzly.sim.etsy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EtsySimulatorTest {

    private static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-abcdef";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private EtsySimulator etsy;

    @AfterEach
    void stop() {
        etsy.close();
    }

    @Test
    void pkceLoginIssuesTokensAndRefreshTokensRotate() throws Exception {
        etsy = EtsySimulator.builder().keystring("k").sharedSecret("s").start();
        SimShop shop = etsy.createShop("PrintCo", "Ann", "Lee");
        String code = authorize("k", EtsySimulator.s256(VERIFIER));

        assertThat(token(Map.of("grant_type", "authorization_code", "client_id", "k", "redirect_uri",
                "http://app/cb", "code", code, "code_verifier", "wrong-verifier-000000000000000000000000000"))
                .statusCode()).isEqualTo(400);

        String code2 = authorize("k", EtsySimulator.s256(VERIFIER));
        HttpResponse<String> ok = token(Map.of("grant_type", "authorization_code", "client_id", "k", "redirect_uri",
                "http://app/cb", "code", code2, "code_verifier", VERIFIER));
        JsonNode tokens = json.readTree(ok.body());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(tokens.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(tokens.get("access_token").asText()).startsWith(shop.userId() + ".");

        String refresh = tokens.get("refresh_token").asText();
        JsonNode refreshed = json.readTree(token(Map.of("grant_type", "refresh_token", "client_id", "k",
                "refresh_token", refresh)).body());
        assertThat(refreshed.get("refresh_token").asText()).isNotEqualTo(refresh);
        assertThat(token(Map.of("grant_type", "refresh_token", "client_id", "k", "refresh_token", refresh))
                .statusCode()).isEqualTo(400);

        HttpResponse<String> me = get("/v3/application/users/me", "k:s", refreshed.get("access_token").asText());
        assertThat(json.readTree(me.body()).get("shop_id").asLong()).isEqualTo(shop.shopId());
        assertThat(get("/v3/application/users/me", "k", refreshed.get("access_token").asText()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void receiptsPageWithinTheOffsetCapAndRateLimitAnswers429WithRetryAfter() throws Exception {
        etsy = EtsySimulator.builder().keystring("k").sharedSecret("s").ratePerSecond(3).offsetCap(50).start();
        SimShop shop = etsy.createShop("PrintCo", "Ann", "Lee");
        etsy.addReceipts(shop, 120, Duration.ofDays(10));
        String access = login();

        HttpResponse<String> page = get("/v3/application/shops/" + shop.shopId()
                + "/receipts?limit=100&sort_on=updated&sort_order=asc", "k:s", access);
        JsonNode body = json.readTree(page.body());
        assertThat(body.get("count").asInt()).isEqualTo(120);
        assertThat(body.get("results")).hasSize(100);
        assertThat(page.headers().firstValue("x-limit-per-second")).contains("3");
        assertThat(get("/v3/application/shops/" + shop.shopId() + "/receipts?offset=51", "k:s", access).statusCode())
                .isEqualTo(400);

        etsy.resetPeakRequestsPerSecond();
        int limited = 0;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = get("/v3/application/users/me", "k:s", access);
            if (r.statusCode() == 429) {
                limited++;
                assertThat(r.headers().firstValue("retry-after")).isPresent();
            }
        }
        assertThat(limited).isPositive();
        assertThat(etsy.peakRequestsPerSecond()).isEqualTo(3);
    }

    @Test
    void refundChangesStatusAndUpdateTimestamp() throws Exception {
        etsy = EtsySimulator.builder().keystring("k").sharedSecret("s").start();
        SimShop shop = etsy.createShop("PrintCo", "Ann", "Lee");
        long id = etsy.addReceipts(shop, 3, Duration.ofDays(3)).get(0);
        etsy.refund(id);
        String access = login();
        JsonNode receipt = json.readTree(get("/v3/application/shops/" + shop.shopId() + "/receipts/" + id, "k:s",
                access).body());
        assertThat(receipt.get("status").asText()).isEqualTo("fully refunded");
        assertThat(receipt.get("refunds").get(0).get("amount").get("amount").asLong())
                .isEqualTo(etsy.grandtotalMinor(id));
        assertThat(receipt.get("update_timestamp").asLong()).isGreaterThan(receipt.get("create_timestamp").asLong());
    }

    @Test
    void moneyCarriesTheShopsCurrencyAndDivisorAndAReceiptCanReportAnotherCode() throws Exception {
        etsy = EtsySimulator.builder().keystring("k").sharedSecret("s").start();
        SimShop yen = etsy.createShop("TokyoPrints", "Aki", "Sato", "JPY");
        SimShop dinar = etsy.createShop("KuwaitPrints", "Sara", "Ali", "KWD");
        long yenReceipt = etsy.addReceipts(yen, 1).get(0);
        long dinarReceipt = etsy.addReceipts(dinar, 1).get(0);
        etsy.currencyCode(dinarReceipt, "KWDX");

        etsy.approveAs(yen);
        JsonNode money = receipt(yen, yenReceipt, login()).get("grandtotal");
        assertThat(money.get("currency_code").asText()).isEqualTo("JPY");
        assertThat(money.get("divisor").asInt()).isEqualTo(1);
        assertThat(money.get("amount").asLong()).isEqualTo(etsy.grandtotalMinor(yenReceipt));
        etsy.approveAs(dinar);
        JsonNode odd = receipt(dinar, dinarReceipt, login()).get("grandtotal");
        assertThat(odd.get("currency_code").asText()).isEqualTo("KWDX");
        assertThat(odd.get("divisor").asInt()).isEqualTo(1000);
    }

    @Test
    void aReceiptCanLeaveOutItsTimestampsAndTimeBoundsBefore2000AreRefused() throws Exception {
        etsy = EtsySimulator.builder().keystring("k").sharedSecret("s").start();
        SimShop shop = etsy.createShop("PrintCo", "Ann", "Lee");
        long id = etsy.addReceipts(shop, 1).get(0);
        etsy.omitFields(id, "created_timestamp", "updated_timestamp");
        String access = login();

        JsonNode receipt = receipt(shop, id, access);
        assertThat(receipt.has("created_timestamp")).isFalse();
        assertThat(receipt.has("updated_timestamp")).isFalse();
        assertThat(receipt.get("create_timestamp").asLong()).isPositive();
        HttpResponse<String> zero = get("/v3/application/shops/" + shop.shopId() + "/receipts?min_last_modified=0",
                "k:s", access);
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("946684800");
        assertThat(get("/v3/application/shops/" + shop.shopId() + "/receipts?min_last_modified=946684800", "k:s",
                access).statusCode()).isEqualTo(200);
    }

    @Test
    void aThrottledKeyAnswers429UntilItsRetryAfterHasPassedAndCountsWhoDidNotWait() throws Exception {
        etsy = EtsySimulator.builder().keystring("k").sharedSecret("s").start();
        etsy.createShop("PrintCo", "Ann", "Lee");
        String access = login();
        etsy.throttle(Duration.ofSeconds(2));

        HttpResponse<String> limited = get("/v3/application/users/me", "k:s", access);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).contains("2");
        assertThat(get("/v3/application/users/me", "k:s", access).statusCode()).isEqualTo(429);
        assertThat(etsy.requestsDuringRetryAfter()).isEqualTo(1);
        Thread.sleep(2100);
        assertThat(get("/v3/application/users/me", "k:s", access).statusCode()).isEqualTo(200);
        assertThat(etsy.requestsDuringRetryAfter()).isEqualTo(1);
    }

    @Test
    void accessTokensCanExpireEveryFewReceiptRequests() throws Exception {
        etsy = EtsySimulator.builder().keystring("k").sharedSecret("s").start();
        SimShop shop = etsy.createShop("PrintCo", "Ann", "Lee");
        String access = login();
        etsy.expireAccessTokensEveryReceiptRequests(2);
        String receipts = "/v3/application/shops/" + shop.shopId() + "/receipts";
        assertThat(get(receipts, "k:s", access).statusCode()).isEqualTo(200);
        assertThat(get(receipts, "k:s", access).statusCode()).isEqualTo(200);
        assertThat(get(receipts, "k:s", access).statusCode()).isEqualTo(401);
        String fresh = login();
        assertThat(get(receipts, "k:s", fresh).statusCode()).isEqualTo(200);
        assertThat(get(receipts, "k:s", fresh).statusCode()).isEqualTo(200);
        assertThat(get(receipts, "k:s", fresh).statusCode()).isEqualTo(401);
    }

    private JsonNode receipt(SimShop shop, long id, String access) throws Exception {
        return json.readTree(get("/v3/application/shops/" + shop.shopId() + "/receipts/" + id, "k:s", access).body());
    }

    private String login() throws Exception {
        String code = authorize("k", EtsySimulator.s256(VERIFIER));
        return json.readTree(token(Map.of("grant_type", "authorization_code", "client_id", "k", "redirect_uri",
                "http://app/cb", "code", code, "code_verifier", VERIFIER)).body()).get("access_token").asText();
    }

    private String authorize(String clientId, String challenge) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(etsy.authorizeUrl()
                + "?response_type=code&client_id=" + clientId + "&redirect_uri=http%3A%2F%2Fapp%2Fcb"
                + "&scope=transactions_r&state=xyz&code_challenge=" + challenge + "&code_challenge_method=S256"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://app/cb?code=").endsWith("&state=xyz");
        return location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
    }

    private HttpResponse<String> token(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(etsy.baseUrl() + "/v3/public/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String apiKey, String access) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(etsy.baseUrl() + path)).header("x-api-key", apiKey)
                .header("Authorization", "Bearer " + access).build(), HttpResponse.BodyHandlers.ofString());
    }
}
