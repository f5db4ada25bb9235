package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.AtOnce;
import app.nozzly.testing.Envelopes;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * ARCHITECTURE.md, Identity: an id a client or another system chooses is unique per tenant, never globally, and
 * concurrent identical creates never answer 500. Order, note, communication and sync run ids are the service's
 * own; the ids it keeps from others (Etsy receipts and users, printer jobs, stock items, production runs) are
 * unique per tenant.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class TenancyTest {

    @Test
    void twoTenantsReportingTheSameJobAndStockIdsEachSeeOnlyTheirOwnAndAChangeToOneLeavesTheOtherAlone() {
        String a = "tenant-a-" + UUID.randomUUID();
        String b = "tenant-b-" + UUID.randomUUID();
        job(a, "printer.job.finished", 7, 1000);
        job(b, "printer.job.finished", 7, 200);
        stock(a, "inventory.stock.moved", "{\"item_type\":\"spool\",\"item_id\":\"s1\",\"balance_after\":40}");
        stock(a, "inventory.stock.low",
                "{\"item_type\":\"spool\",\"item_id\":\"s1\",\"current\":40,\"threshold\":100}");
        stock(b, "inventory.stock.moved", "{\"item_type\":\"spool\",\"item_id\":\"s1\",\"balance_after\":900}");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            dashboard(a).body("total_prints", equalTo(1)).body("prints_completed", equalTo(1))
                    .body("filament_used_kg", equalTo(1.0f)).body("low_stock_alerts", equalTo(1));
            dashboard(b).body("total_prints", equalTo(1)).body("prints_completed", equalTo(1))
                    .body("filament_used_kg", equalTo(0.2f)).body("low_stock_alerts", equalTo(0))
                    .body("materials_in_stock", equalTo(1));
        });

        // tenant a's job 7 failed after all: only a's figures move
        job(a, "printer.job.failed", 7, 1000);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> dashboard(a).body("prints_completed", equalTo(0)));
        dashboard(a).body("total_prints", equalTo(1));
        dashboard(b).body("total_prints", equalTo(1)).body("prints_completed", equalTo(1))
                .body("filament_used_kg", equalTo(0.2f));
    }

    @Test
    void anotherTenantCanNeitherChangeNorAnnotateAnOrderAndTheOwnersOrderStaysAsItWas() {
        String ownerBearer = Seller.syncedBearer("Owner", 2, Duration.ofDays(1));
        int orderId = Seller.firstOrderId(ownerBearer);
        given().header("Authorization", ownerBearer).contentType(ContentType.JSON).body(Map.of("content", "mine"))
                .post("/api/orders/" + orderId + "/notes").then().statusCode(201);
        String stranger = Seller.bearer(Seller.newShop("Stranger"));

        given().header("Authorization", stranger).contentType(ContentType.JSON)
                .body(Map.of("status", "cancelled", "notes", "taken over")).put("/api/orders/" + orderId).then()
                .statusCode(404).body("status", equalTo(404));
        given().header("Authorization", stranger).contentType(ContentType.JSON).body(Map.of("content", "theirs"))
                .post("/api/orders/" + orderId + "/notes").then().statusCode(404);
        given().header("Authorization", stranger).contentType(ContentType.JSON)
                .body(Map.of("message", "hi", "direction", "inbound", "channel", "email"))
                .post("/api/orders/" + orderId + "/communications").then().statusCode(404);
        given().header("Authorization", stranger).get("/api/orders/" + orderId + "/notes").then().statusCode(404);

        given().header("Authorization", ownerBearer).get("/api/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("paid")).body("notes", equalTo(null));
        given().header("Authorization", ownerBearer).get("/api/orders/" + orderId + "/notes").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].content", equalTo("mine"));
        given().header("Authorization", ownerBearer).get("/api/orders/" + orderId + "/communications").then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void concurrentSignInsOfOneShopAllSucceedAsOneSeller() throws Exception {
        SimShop shop = Seller.newShop("Race");
        List<Map<String, String>> callbacks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Response login = given().get("/api/auth/login");
            String code = Seller.consent(shop, login.path("auth_url")).get("code");
            callbacks.add(Map.of("code", code, "code_verifier", login.path("code_verifier")));
        }
        List<Response> answers = AtOnce.all(callbacks.stream().<Callable<Response>>map(body -> () -> given()
                .contentType(ContentType.JSON).body(body).post("/api/auth/callback")).toList());

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        Integer seller = answers.get(0).path("user.id");
        assertThat(answers).extracting(r -> r.<Integer>path("user.id")).containsOnly(seller);
        given().header("Authorization", "Bearer " + answers.get(7).path("token")).get("/api/auth/user").then()
                .statusCode(200).body("id", equalTo(seller));
    }

    @Test
    void concurrentLogoutsOfOneTokenAllSucceedAndAnnounceItOnce() throws Exception {
        String token = Seller.signIn(Seller.newShop("Leaving")).path("token");
        List<Response> answers = AtOnce.times(5,
                () -> given().header("Authorization", "Bearer " + token).post("/api/auth/logout"));

        // the first answers 200; one that arrives after the revocation committed is refused as revoked
        assertThat(answers).extracting(Response::statusCode).isSubsetOf(200, 401).contains(200);
        String jti = new org.jose4j.jwt.consumer.JwtConsumerBuilder().setSkipSignatureVerification()
                .setSkipDefaultAudienceValidation().build().processToClaims(token).getJwtId();
        assertThat(KafkaTopics.await("auth.revocations", r -> jti.equals(r.key()), 1, Duration.ofSeconds(60)))
                .hasSize(1);
        given().header("Authorization", "Bearer " + token).get("/api/auth/user").then().statusCode(401);
    }

    @Test
    void concurrentSyncsOfOneShopRunOnceAndAnswer409Otherwise() throws Exception {
        SimShop shop = Seller.newShop("TwoSyncs");
        Seller.etsy().addReceipts(shop, 600, Duration.ofDays(30));
        String bearer = Seller.bearer(shop);
        List<Response> answers = AtOnce.times(3,
                () -> given().header("Authorization", bearer).post("/api/orders/sync"));

        assertThat(answers).extracting(Response::statusCode).isSubsetOf(200, 409).contains(200);
        given().header("Authorization", bearer).get("/api/orders").then().body("total", equalTo(600));
    }

    private static io.restassured.response.ValidatableResponse dashboard(String tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant, "owner")).get("/api/analytics/dashboard")
                .then().statusCode(200);
    }

    private static void job(String tenant, String type, long jobId, int grams) {
        KafkaTopics.send("printer.jobs", "p1", event(tenant, type, "p1", "{\"job_id\":" + jobId
                + ",\"printer_id\":\"p1\",\"filament_used_grams\":" + grams + "}"));
    }

    private static void stock(String tenant, String type, String data) {
        KafkaTopics.send("inventory.stock", "s1", event(tenant, type, "s1", data));
    }

    private static String event(String tenant, String type, String subject, String data) {
        return Envelopes.envelope("test", type, subject, tenant, Envelopes.data(data));
    }
}
