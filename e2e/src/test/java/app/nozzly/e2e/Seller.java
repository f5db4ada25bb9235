package app.nozzly.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A seller with a shop on the simulated Etsy, signed in through order-sync-service's OAuth flow the way the
 * browser does it (/api/auth/login, Etsy's consent page, /api/auth/callback). Every later call to any service
 * carries the platform JWT that order-sync-service returned; its tenant is the shop.
 */
final class Seller {

    final SimShop shop;
    final String bearer;
    final String tenant;

    private Seller(SimShop shop, String bearer, String tenant) {
        this.shop = shop;
        this.bearer = bearer;
        this.tenant = tenant;
    }

    static Seller signIn(Platform platform, String shopName) {
        SimShop shop = platform.etsy.createShop(shopName + System.nanoTime() % 100_000, "Dana", "Maker");
        JsonPath login = given().baseUri(platform.orderSync.url()).get("/api/auth/login").then().statusCode(200)
                .extract().jsonPath();
        platform.etsy.approveAs(shop);
        Map<String, String> redirect = EtsySimulator.consent(login.getString("auth_url"));
        assertThat(redirect).containsEntry("state", login.getString("state"));
        JsonPath signedIn = given().baseUri(platform.orderSync.url()).contentType(ContentType.JSON)
                .body(Map.of("code", redirect.get("code"), "code_verifier", login.getString("code_verifier")))
                .post("/api/auth/callback").then().statusCode(200).extract().jsonPath();
        assertThat(signedIn.getString("user.shop_id")).isEqualTo(String.valueOf(shop.shopId()));
        return new Seller(shop, "Bearer " + signedIn.getString("token"), String.valueOf(shop.shopId()));
    }

    /** A JSON request to one of the services as this seller. */
    RequestSpecification at(ServiceProcess service) {
        return given().baseUri(service.url()).header("Authorization", bearer).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }
}
