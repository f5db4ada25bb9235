package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfra;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class AuthResourceTest {

    @Test
    void loginReturnsEtsyAuthorizeUrlWithPkceS256AndState() throws Exception {
        ExtractableResponse<Response> login = given().get("/api/auth/login").then().statusCode(200).extract();
        URI url = URI.create(login.path("auth_url"));
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        String verifier = login.path("code_verifier");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));

        assertThat(Seller.etsy().authorizeUrl()).startsWith(url.getScheme() + "://" + url.getAuthority());
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "testkeystring")
                .containsEntry("redirect_uri", "http://localhost:3000/auth/callback")
                .containsEntry("code_challenge_method", "S256").containsEntry("state", login.path("state"))
                .containsEntry("code_challenge", Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        assertThat(query.get("scope")).contains("transactions_r").contains("shops_r");
        assertThat(verifier).hasSizeBetween(43, 128);
    }

    @Test
    void callbackCreatesTheSellerAndReturnsAPlatformJwtForTheShop() throws Exception {
        SimShop shop = Seller.newShop("AuthShop");
        ExtractableResponse<Response> signedIn = Seller.signIn(shop);

        assertThat(signedIn.<String>path("user.shop_id")).isEqualTo(String.valueOf(shop.shopId()));
        assertThat(signedIn.<String>path("user.etsy_user_id")).isEqualTo(String.valueOf(shop.userId()));
        assertThat(signedIn.<String>path("user.shop_name")).isEqualTo(shop.shopName());
        assertThat(signedIn.<String>path("user.first_name")).isEqualTo("Dana");
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipDefaultAudienceValidation()
                .build().processToClaims(signedIn.path("token"));
        assertThat(claims.getIssuer()).isEqualTo("https://auth.nozzly.app");
        assertThat(claims.getAudience()).containsExactly("nozzly-api");
        assertThat(claims.getClaimValueAsString("tenant_id")).isEqualTo(String.valueOf(shop.shopId()));
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("owner");
        assertThat(claims.getJwtId()).isNotBlank();

        given().header("Authorization", "Bearer " + signedIn.path("token")).get("/api/auth/user").then()
                .statusCode(200).body("id", equalTo(signedIn.<Integer>path("user.id")))
                .body("shop_id", equalTo(String.valueOf(shop.shopId()))).body("created_at", startsWith("20"));
    }

    @Test
    void signingInAgainUpdatesTheSameSeller() {
        SimShop shop = Seller.newShop("AgainShop");
        int first = Seller.signIn(shop).path("user.id");
        int second = Seller.signIn(shop).path("user.id");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void etsyTokensAreStoredEncrypted() throws Exception {
        SimShop shop = Seller.newShop("CipherShop");
        Seller.signIn(shop);
        try (Connection c = DriverManager.getConnection(PlatformInfra.get().jdbcUrl("ordersync"), "postgres",
                "postgres");
                PreparedStatement select = c.prepareStatement(
                        "select access_token_enc, refresh_token_enc from etsy_shop where tenant_id = ?")) {
            select.setString(1, String.valueOf(shop.shopId()));
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                // Etsy access tokens start with the user id and a dot; the stored value must not
                assertThat(rs.getString(1)).doesNotContain(shop.userId() + ".");
                assertThat(rs.getString(2)).doesNotContain(shop.userId() + ".");
            }
        }
    }

    @Test
    void callbackRefusesAWrongVerifierOrAReusedCode() {
        SimShop shop = Seller.newShop("PkceShop");
        String authUrl = given().get("/api/auth/login").then().extract().path("auth_url");
        String code = Seller.consent(shop, authUrl).get("code");
        String otherVerifier = given().get("/api/auth/login").then().extract().path("code_verifier");

        given().contentType(ContentType.JSON).body(Map.of("code", code, "code_verifier", otherVerifier))
                .post("/api/auth/callback").then().statusCode(400).body("status", equalTo(400))
                .body("error", startsWith("Etsy refused the sign-in"));
        given().contentType(ContentType.JSON).body(Map.of("code", code, "code_verifier", "short"))
                .post("/api/auth/callback").then().statusCode(400).body("status", equalTo(400));
        given().contentType(ContentType.JSON).body(Map.of("code_verifier", otherVerifier))
                .post("/api/auth/callback").then().statusCode(400).body("error", equalTo("code: must not be blank"));
    }

    @Test
    void logoutRevokesTheTokenHereAndAnnouncesItToEveryService() throws Exception {
        SimShop shop = Seller.newShop("LogoutShop");
        String token = Seller.signIn(shop).path("token");
        String bearer = "Bearer " + token;
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipDefaultAudienceValidation()
                .build().processToClaims(token);
        String jti = claims.getJwtId();
        given().header("Authorization", bearer).get("/api/auth/user").then().statusCode(200);
        given().header("Authorization", bearer).post("/api/auth/logout").then().statusCode(200)
                .body("message", equalTo("Logged out successfully"));
        given().header("Authorization", bearer).get("/api/auth/user").then().statusCode(401)
                .body("status", equalTo(401));
        given().header("Authorization", bearer).get("/api/orders").then().statusCode(401);

        // platform-commons TokenRevocations in every service refuses the token once it reads this event
        ConsumerRecord<String, String> revoked = KafkaTopics.await("auth.revocations",
                r -> jti.equals(r.key()), 1, Duration.ofSeconds(60)).get(0);
        JsonPath event = JsonPath.from(revoked.value());
        assertThat(event.getString("type")).isEqualTo("auth.token.revoked");
        assertThat(event.getString("tenant")).isEqualTo(String.valueOf(shop.shopId()));
        assertThat(event.getString("data.jti")).isEqualTo(jti);
        assertThat(OffsetDateTime.parse(event.getString("data.expires_at")).toEpochSecond())
                .isEqualTo(claims.getExpirationTime().getValue());
    }

    @Test
    void userAndLogoutNeedAToken() {
        given().get("/api/auth/user").then().statusCode(401);
        given().post("/api/auth/logout").then().statusCode(401);
    }
}
