package app.nozzly.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import app.nozzly.testing.AtOnce;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.WebSocketFeed;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;

/**
 * Spoolman's API over our spools, as its clients use it: a key made by the tenant's admin is the whole
 * configuration (base_url); Moonraker's uses, concurrent uses, uses beyond what is left, measurements and refused
 * requests each leave the ledger, our spool and Spoolman's view in agreement.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class SpoolmanApiTest {

    private static final double DENSITY = 1.24;
    private static final double DIAMETER = 1.75;

    @Inject
    AgroalDataSource database;

    /** A tenant's key: its id and the base_url a Spoolman client is configured with. */
    record Key(String id, String baseUrl) {
    }

    static Key key(String tenant) {
        JsonPath created = Inventory.admin(tenant).body(Map.of("name", "Moonraker of printer 3"))
                .post("/api/v1/integrations/spoolman").then().statusCode(201)
                .body("base_url", startsWith("http")).body("key", notNullValue()).extract().jsonPath();
        assertThat(created.getString("base_url")).endsWith("/spoolman/" + created.getString("key"));
        return new Key(created.getString("id"), created.getString("base_url"));
    }

    /** A Spoolman client: no token, only the base URL. */
    static RequestSpecification client() {
        return given().contentType(ContentType.JSON);
    }

    static int filament(Key key, double weight, double spoolWeight) {
        int vendor = client().body(Map.of("name", "Polymaker", "empty_spool_weight", 200))
                .post(key.baseUrl() + "/api/v1/vendor").then().statusCode(200).extract().path("id");
        return client().body(Map.of("name", "PolyLite Galaxy Black", "vendor_id", vendor, "material", "PLA",
                "density", DENSITY, "diameter", DIAMETER, "weight", weight, "spool_weight", spoolWeight, "price", 25))
                .post(key.baseUrl() + "/api/v1/filament").then().statusCode(200).extract().path("id");
    }

    static int spool(Key key, int filament, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(more);
        body.put("filament_id", filament);
        return client().body(body).post(key.baseUrl() + "/api/v1/spool").then().statusCode(200).extract().path("id");
    }

    /** Our spool behind a Spoolman spool (its code is SM-<Spoolman id>). */
    static String ourSpool(String tenant, int spoolmanId) {
        return Inventory.as(tenant).get("/api/v1/spools?spool_id=SM-" + spoolmanId).then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");
    }

    static JsonPath ledger(String tenant, String spool) {
        return Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + spool + "&size=500").then()
                .statusCode(200).extract().jsonPath();
    }

    /** The sum of the ledger's signed quantities, read exactly as the wire carries them. */
    static BigDecimal ledgerSum(String tenant, String spool) {
        String body = Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + spool + "&size=500")
                .then().statusCode(200).extract().asString();
        BigDecimal sum = BigDecimal.ZERO;
        for (var row : Inventory.json(body).get("items")) {
            sum = sum.add(new BigDecimal(row.get("signed_quantity").asText()));
        }
        return sum;
    }

    static double currentGrams(String tenant, String spool) {
        return Inventory.as(tenant).get("/api/v1/spools/" + spool).then().statusCode(200).extract().jsonPath()
                .getDouble("current_weight_grams");
    }

    @Test
    void aMoonrakerSessionLeavesTheLedgerOurSpoolAndSpoolmanInAgreementToTheGram() {
        String tenant = Inventory.newTenant();
        Key key = key(tenant);
        client().get(key.baseUrl()).then().statusCode(200);
        client().get(key.baseUrl() + "/").then().statusCode(200);
        client().get(key.baseUrl() + "/api/v1/health").then().statusCode(200).body("status", is("healthy"));
        client().get(key.baseUrl() + "/api/v1/info").then().statusCode(200).body("version", notNullValue());
        int spool = spool(key, filament(key, 1000, 250), Map.of());

        // Moonraker remembers the active spool's id and reads it; during the print it reports extruded length.
        client().get(key.baseUrl() + "/api/v1/spool/" + spool).then().statusCode(200)
                .body("remaining_weight", is(1000.0f));
        double expectedGrams = 0;
        for (int tick = 0; tick < 40; tick++) {
            double extrudedMm = 180.0 + tick * 7.3;
            expectedGrams += DENSITY * (extrudedMm / 10) * Math.PI * Math.pow(DIAMETER / 20, 2);
            client().body(Map.of("use_length", extrudedMm)).put(key.baseUrl() + "/api/v1/spool/" + spool + "/use")
                    .then().statusCode(200);
        }

        JsonPath spoolman = client().get(key.baseUrl() + "/api/v1/spool/" + spool).then().statusCode(200).extract()
                .jsonPath();
        String ours = ourSpool(tenant, spool);
        JsonPath ledger = ledger(tenant, ours);
        double current = currentGrams(tenant, ours);
        assertThat(spoolman.getDouble("used_weight")).isCloseTo(expectedGrams, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Math.round(spoolman.getDouble("remaining_weight"))).isEqualTo(Math.round(1000 - expectedGrams));
        assertThat(Math.round(current)).isEqualTo(Math.round(spoolman.getDouble("remaining_weight")));
        assertThat(ledgerSum(tenant, ours).doubleValue()).isEqualTo(current);
        assertThat(ledger.getList("items.kind", String.class)).first().isEqualTo("receipt");
        assertThat(ledger.getList("items.kind", String.class)).filteredOn("consumption"::equals).hasSize(40);
        assertThat(ledger.getList("items.cause.type", String.class)).containsOnly("integration");
        assertThat(ledger.getList("items.cause.id", String.class)).containsOnly(key.id());
        assertThat(spoolman.getString("first_used")).isNotNull();
        assertThat(spoolman.getString("last_used")).isNotNull();
    }

    @Test
    void aSpoolMadeThroughOurApiIsASpoolmanSpoolAndBothViewsMoveTogether() {
        String tenant = Inventory.newTenant();
        Key key = key(tenant);
        String ours = Inventory.spool(tenant, 800);
        JsonPath listed = client().get(key.baseUrl() + "/api/v1/spool").then().statusCode(200)
                .header("X-Total-Count", "1").extract().jsonPath();
        int spool = listed.getInt("[0].id");
        assertThat(listed.getString("[0].filament.material")).isEqualTo("PLA");
        assertThat(listed.getString("[0].filament.vendor.name")).isEqualTo("Bambu Lab");
        assertThat(listed.getDouble("[0].remaining_weight")).isEqualTo(800.0);

        Inventory.as(tenant).body(Inventory.movement("run-7-complete", List.of(Inventory.line("spool", ours,
                "consumption", 120.5, "g")))).post("/api/v1/inventory/movements").then().statusCode(201);
        client().get(key.baseUrl() + "/api/v1/spool/" + spool).then().statusCode(200)
                .body("remaining_weight", is(679.5f)).body("used_weight", is(120.5f));
        client().body(Map.of("use_weight", 79.5)).put(key.baseUrl() + "/api/v1/spool/" + spool + "/use").then()
                .statusCode(200).body("remaining_weight", is(600.0f));
        assertThat(currentGrams(tenant, ours)).isEqualTo(600.0);
    }

    @Test
    void twoTenantsKeysSeeOnlyTheirOwnSpoolsAndARevokedKeyAnswers404AtOnce() {
        String a = Inventory.newTenant();
        String b = Inventory.newTenant();
        Key keyA = key(a);
        Key keyB = key(b);
        int spoolA = spool(keyA, filament(keyA, 1000, 250), Map.of("location", "Shelf 1"));
        int spoolB = spool(keyB, filament(keyB, 1000, 250), Map.of("location", "Shelf 1"));

        client().get(keyA.baseUrl() + "/api/v1/spool").then().statusCode(200).header("X-Total-Count", "1")
                .body("id", is(List.of(spoolA)));
        client().get(keyB.baseUrl() + "/api/v1/spool").then().statusCode(200).header("X-Total-Count", "1")
                .body("id", is(List.of(spoolB)));
        client().get(keyA.baseUrl() + "/api/v1/spool/" + spoolB).then().statusCode(404)
                .body("message", is("No spool with ID " + spoolB + " found."));
        client().body(Map.of("use_weight", 100)).put(keyA.baseUrl() + "/api/v1/spool/" + spoolB + "/use").then()
                .statusCode(404);
        client().get(keyB.baseUrl() + "/api/v1/spool/" + spoolB).then().body("remaining_weight", is(1000.0f));
        client().get(keyA.baseUrl() + "/api/v1/vendor").then().header("X-Total-Count", "1");

        Inventory.as(a, "operator").delete("/api/v1/integrations/spoolman/" + keyA.id()).then().statusCode(403);
        Inventory.admin(b).delete("/api/v1/integrations/spoolman/" + keyA.id()).then().statusCode(404);
        Inventory.admin(a).delete("/api/v1/integrations/spoolman/" + keyA.id()).then().statusCode(204);
        client().get(keyA.baseUrl()).then().statusCode(404);
        client().get(keyA.baseUrl() + "/api/v1/spool").then().statusCode(404);
        client().get(keyA.baseUrl() + "/api/v1/health").then().statusCode(404);
        client().body(Map.of("use_weight", 1)).put(keyA.baseUrl() + "/api/v1/spool/" + spoolA + "/use").then()
                .statusCode(404);
        client().get(keyA.baseUrl().replaceAll("/spoolman/.*", "/spoolman/sm_unknown") + "/api/v1/spool").then()
                .statusCode(404);
        client().get(keyB.baseUrl() + "/api/v1/spool").then().statusCode(200);
        Inventory.admin(a).get("/api/v1/integrations/spoolman").then().statusCode(200)
                .body("items[0].revoked_at", notNullValue()).body("items[0].key", is((Object) null));
    }

    @Test
    void concurrentUsesAddUpExactly() throws Exception {
        String tenant = Inventory.newTenant();
        Key key = key(tenant);
        int spool = spool(key, filament(key, 1000, 250), Map.of("remaining_weight", 1000));
        List<Integer> statuses = AtOnce.times(60, () -> client().body(Map.of("use_weight", 0.5))
                .put(key.baseUrl() + "/api/v1/spool/" + spool + "/use").then().extract().statusCode());
        assertThat(statuses).containsOnly(200);
        client().get(key.baseUrl() + "/api/v1/spool/" + spool).then().body("remaining_weight", is(970.0f))
                .body("used_weight", is(30.0f));
        String ours = ourSpool(tenant, spool);
        assertThat(currentGrams(tenant, ours)).isEqualTo(970.0);
        assertThat(ledgerSum(tenant, ours)).isEqualByComparingTo("970");
    }

    @Test
    void aUseBeyondWhatIsLeftClampsAtZeroAndRecordsTheExcessAsAVariance() {
        String tenant = Inventory.newTenant();
        Key key = key(tenant);
        int spool = spool(key, filament(key, 1000, 250), Map.of("remaining_weight", 10));
        client().body(Map.of("use_weight", 25)).put(key.baseUrl() + "/api/v1/spool/" + spool + "/use").then()
                .statusCode(200).body("remaining_weight", is(0.0f)).body("used_weight", is(1015.0f));

        String ours = ourSpool(tenant, spool);
        assertThat(currentGrams(tenant, ours)).isEqualTo(0.0);
        JsonPath ledger = ledger(tenant, ours);
        assertThat(ledger.getList("items.kind", String.class)).containsExactly("receipt", "consumption", "variance");
        assertThat(ledger.getDouble("items[1].quantity")).isEqualTo(10.0);
        assertThat(ledger.getDouble("items[2].quantity")).isEqualTo(15.0);
        assertThat(ledger.getDouble("items[2].signed_quantity")).isEqualTo(0.0);
        assertThat(ledgerSum(tenant, ours)).isEqualByComparingTo("0");
    }

    @Test
    void aMeasurementIsAWeighingInTheLedger() {
        String tenant = Inventory.newTenant();
        Key key = key(tenant);
        int spool = spool(key, filament(key, 1000, 250), Map.of());
        client().body(Map.of("weight", 850)).put(key.baseUrl() + "/api/v1/spool/" + spool + "/measure").then()
                .statusCode(200).body("remaining_weight", is(600.0f)).body("used_weight", is(400.0f));
        String ours = ourSpool(tenant, spool);
        assertThat(currentGrams(tenant, ours)).isEqualTo(600.0);
        assertThat(ledger(tenant, ours).getList("items.kind", String.class)).containsExactly("receipt", "weighing");
    }

    @Test
    void badInputAnswers4xxAndChangesNothing() {
        String tenant = Inventory.newTenant();
        Key key = key(tenant);
        int spool = spool(key, filament(key, 1000, 250), Map.of());
        String use = key.baseUrl() + "/api/v1/spool/" + spool + "/use";
        client().body(Map.of("use_weight", 1, "use_length", 10)).put(use).then().statusCode(400)
                .body("message", is("Only specify either use_weight or use_length."));
        client().body(Map.of()).put(use).then().statusCode(400);
        client().body(Map.of("use_weight", "lots")).put(use).then().statusCode(422)
                .body("detail[0].loc", is(List.of("body", "use_weight")));
        client().body("{not json").put(use).then().statusCode(400);
        client().body(Map.of()).put(key.baseUrl() + "/api/v1/spool/" + spool + "/measure").then().statusCode(422);
        client().body(Map.of("use_weight", 1)).put(key.baseUrl() + "/api/v1/spool/abc/use").then().statusCode(422);
        client().body(Map.of("remaining_weight", 1, "used_weight", 2))
                .patch(key.baseUrl() + "/api/v1/spool/" + spool).then().statusCode(400);
        client().body(Map.of("location", "x".repeat(65))).patch(key.baseUrl() + "/api/v1/spool/" + spool).then()
                .statusCode(422);
        client().body(Map.of("filament_id", 999999999)).post(key.baseUrl() + "/api/v1/spool").then().statusCode(404);
        client().body(Map.of("density", 1.24)).post(key.baseUrl() + "/api/v1/filament").then().statusCode(422);
        client().get(key.baseUrl() + "/api/v1/spool?sort=id").then().statusCode(400);
        client().header("Origin", "https://evil.example").body(Map.of("use_weight", 1)).put(use).then().statusCode(403);
        client().header("Origin", "https://evil.example").delete(key.baseUrl() + "/api/v1/spool/" + spool).then()
                .statusCode(403);
        client().header("Origin", "https://evil.example").get(key.baseUrl() + "/api/v1/spool/" + spool).then()
                .statusCode(200);

        client().get(key.baseUrl() + "/api/v1/spool/" + spool).then().body("remaining_weight", is(1000.0f))
                .body("used_weight", is(0.0f));
        client().get(key.baseUrl() + "/api/v1/spool").then().header("X-Total-Count", "1");
        String ours = ourSpool(tenant, spool);
        assertThat(ledger(tenant, ours).getList("items.kind", String.class)).containsExactly("receipt");
    }

    /** A Spoolman change feed: Spoolman's clients send no headers. */
    static WebSocketFeed feed(String url) throws Exception {
        return WebSocketFeed.open(URI.create(url), Map.of());
    }

    static String ws(Key key) {
        return key.baseUrl().replaceFirst("^http", "ws");
    }

    @Test
    void theChangeFeedsSendSpoolmansEventsOfTheirTenantOnly() throws Exception {
        String a = Inventory.newTenant();
        String b = Inventory.newTenant();
        Key keyA = key(a);
        Key keyB = key(b);
        int spool = spool(keyA, filament(keyA, 1000, 250), Map.of());
        WebSocketFeed item = feed(ws(keyA) + "/api/v1/spool/" + spool);
        WebSocketFeed spools = feed(ws(keyA) + "/api/v1/spool");
        WebSocketFeed everything = feed(ws(keyA) + "/api/v1/");
        WebSocketFeed other = feed(ws(keyB) + "/api/v1/");

        client().body(Map.of("use_weight", 12.5)).put(keyA.baseUrl() + "/api/v1/spool/" + spool + "/use").then()
                .statusCode(200);
        client().body(Map.of("name", "Prusament")).post(keyA.baseUrl() + "/api/v1/vendor").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> everything.messages().size() >= 2);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> item.messages().size() >= 1);
        JsonPath used = new JsonPath(item.messages().get(0));
        assertThat(used.getString("type")).isEqualTo("updated");
        assertThat(used.getString("resource")).isEqualTo("spool");
        assertThat(used.getInt("payload.id")).isEqualTo(spool);
        assertThat(used.getDouble("payload.remaining_weight")).isEqualTo(987.5);
        assertThat(used.getString("date")).endsWith("Z");
        assertThat(spools.messages()).hasSize(1);
        assertThat(everything.messages()).extracting(m -> new JsonPath(m).getString("resource"))
                .containsExactly("spool", "vendor");
        assertThat(other.messages()).isEmpty();

        item.socket().sendText("ping", true).get(5, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> item.messages().size() >= 2);
        assertThat(item.messages().get(1)).isEqualTo("{\"status\":\"healthy\"}");

        for (WebSocketFeed feed : List.of(item, spools, everything, other)) {
            feed.close();
        }
        Inventory.admin(a).delete("/api/v1/integrations/spoolman/" + keyA.id()).then().statusCode(204);
        Throwable refused = catchThrowable(() -> feed(ws(keyA) + "/api/v1/spool"));
        assertThat(refused).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(404);
        Throwable unknown = catchThrowable(() -> feed(ws(keyB) + "/api/v1/printer"));
        assertThat(((WebSocketHandshakeException) unknown.getCause()).getResponse().statusCode()).isEqualTo(404);
    }

    @Test
    void feedsHearEveryReplicasChangesAndCloseAtOnceWhenTheirKeyIsRevoked() throws Exception {
        String tenant = Inventory.newTenant();
        Key key = key(tenant);
        WebSocketFeed feed = feed(ws(key) + "/api/v1/vendor");

        // another replica's transaction announces its change to every replica when it commits
        String event = "{\"type\":\"added\",\"resource\":\"vendor\",\"date\":\"2026-12-06T10:00:00Z\","
                + "\"payload\":{\"id\":77,\"name\":\"Made elsewhere\"}}";
        try (Connection connection = database.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify('spoolman_changes', ?)")) {
            notify.setString(1, JsonObject.of("tenant", tenant, "resource", "vendor", "id", "77", "event", event)
                    .encode());
            notify.execute();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !feed.messages().isEmpty());
        assertThat(new JsonPath(feed.messages().get(0)).getString("payload.name")).isEqualTo("Made elsewhere");

        Inventory.admin(tenant).delete("/api/v1/integrations/spoolman/" + key.id()).then().statusCode(204);
        assertThat(feed.closed().get(5, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
    }

    @Test
    void exportsAreFlatCsvAndJson() {
        String tenant = Inventory.newTenant();
        Key key = key(tenant);
        int spool = spool(key, filament(key, 1000, 250), Map.of("location", "=HYPERLINK(\"x\")", "remaining_weight", 640));
        String csv = client().get(key.baseUrl() + "/api/v1/export/spools?fmt=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", "attachment; filename=\"spools.csv\"")
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("filament.vendor.name", "remaining_weight", "location");
        assertThat(lines[1]).contains("Polymaker", "640.0", "\"'=HYPERLINK(\"\"x\"\")\"");
        client().get(key.baseUrl() + "/api/v1/export/spools?fmt=json").then().statusCode(200)
                .body("[0].id", is(spool)).body("[0].'filament.material'", is("PLA"));
        client().get(key.baseUrl() + "/api/v1/export/vendors?fmt=json").then().statusCode(200)
                .body("[0].name", is("Polymaker"));
        client().get(key.baseUrl() + "/api/v1/export/filaments?fmt=xml").then().statusCode(422);
    }

    @Test
    void findFiltersSortsAndPagesAsSpoolmanDoes() {
        String tenant = Inventory.newTenant();
        Key key = key(tenant);
        int filament = filament(key, 1000, 250);
        int first = spool(key, filament, Map.of("location", "Shelf A", "remaining_weight", 300));
        int second = spool(key, filament, Map.of("location", "Shelf B", "remaining_weight", 700));
        int third = spool(key, filament, Map.of("remaining_weight", 500, "archived", true));

        client().get(key.baseUrl() + "/api/v1/spool?location=shelf").then().header("X-Total-Count", "2")
                .body("id", is(List.of(first, second)));
        client().get(key.baseUrl() + "/api/v1/spool?location=\"Shelf B\"").then().body("id", is(List.of(second)));
        client().get(key.baseUrl() + "/api/v1/spool?allow_archived=true&sort=remaining_weight:desc").then()
                .body("id", is(List.of(second, third, first)));
        client().get(key.baseUrl() + "/api/v1/spool?allow_archived=true&sort=id:asc&limit=1&offset=1").then()
                .header("X-Total-Count", "3").body("id", is(List.of(second)));
        client().get(key.baseUrl() + "/api/v1/spool?filament.vendor.name=polymaker&filament.material=PLA").then()
                .header("X-Total-Count", "2");
        client().get(key.baseUrl() + "/api/v1/filament?vendor.name=poly").then().header("X-Total-Count", "1")
                .body("[0].weight", is(1000.0f));
    }
}
