package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.sim.etsy.SimShop;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** What a seller's browser and app do to sign in: /auth/login, Etsy's consent page, /auth/callback. */
public final class Seller {

    private Seller() {
    }

    public static EtsySimulator etsy() {
        return EtsySimulatorResource.etsy();
    }

    public static SimShop newShop(String name) {
        return etsy().createShop(name + System.nanoTime() % 100_000, "Dana", "Maker");
    }

    /** Signs in as the shop's owner and returns the callback's answer. */
    public static ExtractableResponse<Response> signIn(SimShop shop) {
        ExtractableResponse<Response> login = given().get("/api/auth/login").then().statusCode(200).extract();
        String authUrl = login.path("auth_url");
        String verifier = login.path("code_verifier");
        String state = login.path("state");
        Map<String, String> redirect = consent(shop, authUrl);
        assertThat(redirect).containsEntry("state", state);
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", redirect.get("code"), "code_verifier", verifier))
                .post("/api/auth/callback").then().statusCode(200).extract();
    }

    public static String bearer(SimShop shop) {
        return "Bearer " + signIn(shop).path("token");
    }

    /** POST /orders/sync as the bearer, answered 200; the caller asserts the body. */
    public static ValidatableResponse sync(String bearer) {
        return given().header("Authorization", bearer).post("/api/orders/sync").then().statusCode(200);
    }

    /** GET /orders as the bearer, answered 200; the caller asserts the body. */
    public static ValidatableResponse orders(String bearer) {
        return given().header("Authorization", bearer).get("/api/orders").then().statusCode(200);
    }

    /** Signs in as the shop's owner and syncs its receipts once; returns the owner's bearer. */
    public static String syncedBearer(SimShop shop) {
        String bearer = bearer(shop);
        sync(bearer);
        return bearer;
    }

    /** A new shop with that many receipts placed within the last {@code days}, signed in and synced once. */
    public static String syncedBearer(String shopName, int receipts, Duration days) {
        SimShop shop = newShop(shopName);
        etsy().addReceipts(shop, receipts, days);
        return syncedBearer(shop);
    }

    /** The id of the first order GET /orders lists for the bearer. */
    public static int firstOrderId(String bearer) {
        return orders(bearer).extract().path("orders[0].id");
    }

    /** The seller approves on Etsy; Etsy redirects back with code and state. */
    public static Map<String, String> consent(SimShop shop, String authUrl) {
        etsy().approveAs(shop);
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authUrl))
                    .build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(302);
            String query = URI.create(response.headers().firstValue("Location").orElseThrow()).getRawQuery();
            Map<String, String> params = new java.util.HashMap<>();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            return params;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
