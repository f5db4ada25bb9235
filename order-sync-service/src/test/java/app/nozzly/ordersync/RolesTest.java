package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * README "Roles": signing in needs no token, signing out any valid one; a viewer reads everything and changes
 * nothing; an operator updates orders, writes notes and communications and syncs; a token without roles reaches
 * nothing else, and an endpoint whose annotation was forgotten is denied. The platform token of an Etsy sign-in
 * carries owner, which implies them all.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class RolesTest {

    private record Call(String method, String path, Object body) {

        Response as(String bearer) {
            RequestSpecification request = given().header("Authorization", bearer);
            if (body != null) {
                request = request.contentType(ContentType.JSON).body(body);
            }
            return request.request(method, path);
        }
    }

    private String tenant;
    private String owner;
    private int orderId;
    private int runId;

    @BeforeEach
    void syncedShop() {
        SimShop shop = Seller.newShop("Roles");
        Seller.etsy().addReceipts(shop, 2, Duration.ofDays(1));
        tenant = String.valueOf(shop.shopId());
        owner = Seller.bearer(shop);
        runId = Seller.sync(owner).extract().path("sync_run.id");
        orderId = Seller.firstOrderId(owner);
    }

    private List<Call> reads() {
        return List.of(new Call("GET", "/api/orders", null), new Call("GET", "/api/orders/" + orderId, null),
                new Call("GET", "/api/orders/" + orderId + "/notes", null),
                new Call("GET", "/api/orders/" + orderId + "/communications", null),
                new Call("GET", "/api/orders/sync/runs", null), new Call("GET", "/api/orders/sync/runs/" + runId, null),
                new Call("GET", "/api/analytics/dashboard", null), new Call("GET", "/api/analytics/revenue", null),
                new Call("GET", "/api/analytics/margin", null));
    }

    private List<Call> writes() {
        return List.of(new Call("PUT", "/api/orders/" + orderId, Map.of("status", "shipped", "notes", "done")),
                new Call("POST", "/api/orders/" + orderId + "/notes", Map.of("content", "a note")),
                new Call("POST", "/api/orders/" + orderId + "/communications",
                        Map.of("message", "hello", "direction", "outbound", "channel", "email")),
                new Call("POST", "/api/orders/sync", null));
    }

    @Test
    void aTokenWithoutRolesCanOnlySignInAndOut() {
        String none = TestTokens.bearer(tenant);
        List<Call> all = new ArrayList<>(reads());
        all.addAll(writes());
        all.add(new Call("GET", "/api/auth/user", null));
        for (Call call : all) {
            call.as(none).then().statusCode(403).body("status", equalTo(403));
        }
        given().get("/api/auth/login").then().statusCode(200);
        // reached without a token: the body is what is wrong
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/auth/callback").then().statusCode(400);
        given().header("Authorization", none).post("/api/auth/logout").then().statusCode(200);
        assertNothingChanged();
    }

    @Test
    void aViewerReadsEverythingAndIsRefusedEveryWrite() {
        String viewer = TestTokens.bearer(tenant, "viewer");
        for (Call call : reads()) {
            assertThat(call.as(viewer).statusCode()).as(call.method() + " " + call.path()).isEqualTo(200);
        }
        for (Call call : writes()) {
            call.as(viewer).then().statusCode(403).body("status", equalTo(403));
        }
        assertNothingChanged();
    }

    @Test
    void anOperatorUpdatesOrdersWritesNotesAndCommunicationsAndSyncs() {
        String operator = TestTokens.bearer(tenant, "operator");
        List<Integer> expected = List.of(200, 201, 201, 200);
        List<Call> writes = writes();
        for (int i = 0; i < writes.size(); i++) {
            assertThat(writes.get(i).as(operator).statusCode()).as(writes.get(i).path()).isEqualTo(expected.get(i));
        }
        given().header("Authorization", owner).get("/api/orders/" + orderId).then().body("status", equalTo("shipped"));
    }

    @Test
    void anEndpointWhoseRoleAnnotationWasForgottenIsDeniedEvenToTheOwner() {
        given().header("Authorization", owner).get("/api/test-only/unannotated").then().statusCode(403)
                .body("status", equalTo(403));
    }

    private void assertNothingChanged() {
        given().header("Authorization", owner).get("/api/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("paid")).body("notes", equalTo(null));
        given().header("Authorization", owner).get("/api/orders/" + orderId + "/notes").then().body("$", hasSize(0));
        given().header("Authorization", owner).get("/api/orders/" + orderId + "/communications").then()
                .body("$", hasSize(0));
        given().header("Authorization", owner).get("/api/orders/sync/runs").then().body("total", equalTo(1));
    }
}
