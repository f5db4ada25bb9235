package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.AtOnce;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Bad input answers 400 naming what is wrong and changes nothing, never a 5xx: bodies are read strictly (unknown or
 * camelCase fields, NUL, wrong types), texts are bounded by their columns, parameters are typed (a malformed id,
 * number, enum or date is a 400, not a 404), and concurrent identical requests never collide into a 500.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class InputValidationTest {

    private String bearer;
    private int orderId;

    @BeforeEach
    void syncedShop() {
        bearer = Seller.syncedBearer("Input", 1, Duration.ofDays(1));
        orderId = Seller.firstOrderId(bearer);
    }

    private Response send(String method, String path, Object body) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body).request(method, path);
    }

    @Test
    void nulBytesTextsLongerThanTheirColumnsAndWrongTypesAreRefusedAndChangeNothing() {
        String notes = "/api/orders/" + orderId + "/notes";
        String communications = "/api/orders/" + orderId + "/communications";
        String tooLong = "x".repeat(100_000);
        List<Response> refused = List.of(
                send("POST", notes, "{\"content\":\"a\\u0000b\"}"),
                send("POST", notes, Map.of("content", tooLong)),
                send("POST", notes, Map.of("content", "x".repeat(10_001))),
                send("POST", notes, "{\"content\":\"a\",\"content\":\"b\"}"),
                send("POST", notes, "[]"),
                send("POST", communications, Map.of("message", tooLong, "direction", "inbound", "channel", "email")),
                send("POST", communications, Map.of("message", "hi", "direction", "sideways", "channel", "email")),
                send("POST", communications, Map.of("message", "hi", "channel", "email")),
                send("PUT", "/api/orders/" + orderId, Map.of("notes", tooLong)),
                send("PUT", "/api/orders/" + orderId, Map.of("status", "teleported")),
                send("PUT", "/api/orders/" + orderId, Map.of("production_status", List.of("completed"))),
                send("PUT", "/api/orders/" + orderId, Map.of()));
        for (Response answer : refused) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
            assertThat(answer.asString()).doesNotContain("java.").doesNotContain("Exception");
        }
        send("POST", notes, Map.of("content", "x".repeat(10_000))).then().statusCode(201);
        given().header("Authorization", bearer).get(notes).then().body("$", hasSize(1));
        given().header("Authorization", bearer).get(communications).then().body("$", hasSize(0));
        given().header("Authorization", bearer).get("/api/orders/" + orderId).then().body("status", equalTo("paid"))
                .body("notes", equalTo(null));
    }

    @Test
    void aCamelCasePropertyOnThisSnakeCaseApiIsRefusedByName() {
        send("PUT", "/api/orders/" + orderId, Map.of("productionStatus", "completed")).then().statusCode(400)
                .body("error", containsString("productionStatus")).body("error", containsString("unknown field"));
        given().contentType(ContentType.JSON).body(Map.of("code", "c", "codeVerifier", "v".repeat(43)))
                .post("/api/auth/callback").then().statusCode(400).body("error", containsString("codeVerifier"));
        given().header("Authorization", bearer).get("/api/orders/" + orderId).then()
                .body("production_status", equalTo("pending"));
    }

    @Test
    void malformedParametersAre400NeverA404OrA500() {
        List<String> paths = List.of(
                "/api/orders/abc", "/api/orders/9223372036854775808", "/api/orders/abc/notes",
                "/api/orders/sync/runs/abc",
                "/api/orders?limit=lots", "/api/orders?limit=2147483648", "/api/orders?limit=0", "/api/orders?limit=501",
                "/api/orders?offset=-1", "/api/orders?offset=1000000001", "/api/orders?status=nope",
                "/api/orders?production_status=done", "/api/orders?start_date=yesterday",
                "/api/orders?start_date=10000-01-01", "/api/orders?start_date=%2B10000-01-01",
                "/api/orders?end_date=2025-02-30", "/api/orders?start_date=2025-03-01&end_date=2025-02-01",
                "/api/orders?status=%00", "/api/orders/" + orderId + "/notes?limit=0",
                "/api/orders/sync/runs?limit=201",
                "/api/analytics/revenue?period=hourly", "/api/analytics/revenue?start_date=2025-01-01T10:00:00",
                "/api/analytics/revenue?end_date=%2B999999999-12-31", "/api/analytics/margin?end_date=0001-01-05",
                "/api/analytics/revenue?start_date=2000-01-01&end_date=2025-01-01");
        for (String path : paths) {
            Response answer = given().header("Authorization", bearer).urlEncodingEnabled(false).get(path);
            assertThat(answer.statusCode()).as(path + " " + answer.asString()).isEqualTo(400);
        }
    }

    @Test
    void sixConcurrentSignInsWithOneCodeMakeOneSellerAndRefuseTheRest() throws Exception {
        SimShop shop = Seller.newShop("SameCode");
        Response login = given().get("/api/auth/login");
        Map<String, String> body = Map.of("code", Seller.consent(shop, login.path("auth_url")).get("code"),
                "code_verifier", login.path("code_verifier"));
        List<Integer> statuses = AtOnce.times(6,
                () -> given().contentType(ContentType.JSON).body(body).post("/api/auth/callback")).stream()
                .map(Response::statusCode).toList();
        assertThat(statuses).containsOnly(200, 400).containsOnlyOnce(200);
    }
}
