package app.nozzly.printer;

import static app.nozzly.printer.support.OfflinePrinters.prusa;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.sim.PrintOutcome;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;
import app.nozzly.testing.AtOnce;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * ARCHITECTURE "an id a client may choose is unique per tenant, never globally": two tenants use the same printer
 * id through both specs, each sees and changes only its own printer and what hangs on it (queue, notification
 * settings), a tenant's live printer keeps reporting while another tenant creates and deletes its namesake, and
 * concurrent creates of one id answer 201 once and 409 otherwise.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class TenancyTest {

    private static final String ALICE = TestTokens.bearer("tenancy-alice", "admin");
    private static final String BOB = TestTokens.bearer("tenancy-bob", "admin");

    @Test
    void twoTenantsRegisterTheSamePrinterIdAndEachChangesOnlyItsOwn() {
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(prusa("x", "Alice's X"))
                .post("/api/v1/printers").then().statusCode(201);
        given().header("Authorization", BOB).contentType(ContentType.JSON).body(prusa("x", "Bob's X"))
                .post("/api/v1/printers").then().statusCode(201);
        given().header("Authorization", ALICE).get("/api/v1/printers/x").then().statusCode(200)
                .body("name", equalTo("Alice's X"));
        given().header("Authorization", BOB).get("/api/v1/printers/x").then().statusCode(200)
                .body("name", equalTo("Bob's X"));

        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("name", "Alice's renamed X"))
                .put("/api/v1/printers/x").then().statusCode(200);
        given().header("Authorization", BOB).get("/api/v1/printers/x").then().body("name", equalTo("Bob's X"));
        given().header("Authorization", BOB).get("/api/v1/printers").then()
                .body("printers.name", not(hasItem("Alice's renamed X")));

        // what hangs on printer "x": each tenant's queue and notification settings are its own
        given().header("Authorization", ALICE).contentType(ContentType.JSON)
                .body(Map.of("printer_id", "x", "job_name", "Alice plate", "file_name", "a.bgcode"))
                .post("/api/bambu/scheduled-prints").then().statusCode(201);
        given().header("Authorization", BOB).contentType(ContentType.JSON)
                .body(Map.of("printer_id", "x", "job_name", "Bob plate", "file_name", "b.bgcode"))
                .post("/api/bambu/scheduled-prints").then().statusCode(201);
        given().header("Authorization", ALICE).get("/api/bambu/scheduled-prints/x/queue").then().statusCode(200)
                .body("job_name", equalTo(List.of("Alice plate")));
        long aliceSettings = given().header("Authorization", ALICE).queryParam("printer_id", "x")
                .get("/api/bambu/notifications").then().statusCode(200).extract().jsonPath().getLong("id");
        long bobSettings = given().header("Authorization", BOB).queryParam("printer_id", "x")
                .get("/api/bambu/notifications").then().statusCode(200).extract().jsonPath().getLong("id");
        assertThat(aliceSettings).isNotEqualTo(bobSettings);
        given().header("Authorization", BOB).contentType(ContentType.JSON).body(Map.of("email_enabled", true))
                .put("/api/bambu/notifications/" + aliceSettings).then().statusCode(404);

        given().header("Authorization", ALICE).delete("/api/v1/printers/x").then().statusCode(200);
        given().header("Authorization", ALICE).get("/api/v1/printers/x").then().statusCode(404);
        given().header("Authorization", BOB).get("/api/v1/printers/x").then().statusCode(200)
                .body("name", equalTo("Bob's X"));
        given().header("Authorization", BOB).get("/api/bambu/scheduled-prints/x/queue").then().statusCode(200)
                .body("job_name", equalTo(List.of("Bob plate")));
        given().header("Authorization", BOB).queryParam("printer_id", "x").get("/api/bambu/notifications").then()
                .statusCode(200).body("id", equalTo((int) bobSettings));
        given().header("Authorization", BOB).delete("/api/bambu/printers/x").then().statusCode(200);
        given().header("Authorization", BOB).get("/api/v1/printers/x").then().statusCode(404);
    }

    @Test
    void theSpecs002CreateWithAChosenIdIsPerTenantToo() {
        for (String token : List.of(ALICE, BOB)) {
            given().header("Authorization", token).contentType(ContentType.JSON)
                    .body(Map.of("id", "shared_bambu", "name", "Bambu of " + token.hashCode(), "connection_type",
                            "bambu_lan", "api_url", "http://127.0.0.1:9", "access_code", "12345678"))
                    .post("/api/bambu/printers").then().statusCode(201).body("id", equalTo("shared_bambu"));
        }
        given().header("Authorization", ALICE).delete("/api/bambu/printers/shared_bambu").then().statusCode(200);
        given().header("Authorization", BOB).get("/api/bambu/printers/shared_bambu/status").then().statusCode(200);
        given().header("Authorization", BOB).delete("/api/bambu/printers/shared_bambu").then().statusCode(200);
    }

    @Test
    void sixIdenticalCreatesAtOnceAnswer201OnceAnd409ForTheRest() throws Exception {
        List<Integer> statuses = AtOnce.times(6, () -> given().header("Authorization", ALICE)
                .contentType(ContentType.JSON).body(prusa("raced", "Raced printer")).post("/api/v1/printers").then()
                .extract().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409);
        given().header("Authorization", ALICE).queryParam("limit", 100).get("/api/v1/printers").then()
                .body("printers.findAll { it.id == 'raced' }.size()", equalTo(1));
        given().header("Authorization", ALICE).delete("/api/v1/printers/raced").then().statusCode(200);
    }

    @Test
    void aLivePrinterKeepsReportingWhileAnotherTenantCreatesAndDeletesItsNamesake() throws Exception {
        try (BambuPrinterSimulator bambu = BambuPrinterSimulator.builder().serial("01S00A0B0000321")
                .model(BambuModel.A1).accessCode("32132132").timeScale(60.0).reportInterval(Duration.ofMillis(300))
                .start()) {
            given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("id", "twin",
                    "name", "Alice's live twin", "type", "bambu_lab", "ip_address", bambu.host(), "serial_number",
                    bambu.serial(), "access_code", bambu.accessCode(), "mqtt_port", bambu.mqttPort(), "ftps_port",
                    bambu.ftpsPort(), "ca_certificate", bambu.caCertificatePem())).post("/api/v1/printers").then()
                    .statusCode(201);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", ALICE)
                    .get("/api/v1/printers/twin").then().body("connection_status", equalTo("connected")));
            bambu.startPrint("twin.3mf", Duration.ofMinutes(60), PrintOutcome.FINISH, 20);
            long job = await().atMost(Duration.ofSeconds(15)).until(() -> given().header("Authorization", ALICE)
                    .queryParam("printer_id", "twin").queryParam("status", "printing").get("/api/v1/jobs").then()
                    .extract().jsonPath().getList("jobs.id", Long.class), ids -> ids.size() == 1).get(0);

            for (int round = 0; round < 3; round++) {
                given().header("Authorization", BOB).contentType(ContentType.JSON).body(prusa("twin", "Bob's twin"))
                        .post("/api/v1/printers").then().statusCode(201);
                given().header("Authorization", BOB).get("/api/v1/printers/twin").then().statusCode(200);
                given().header("Authorization", BOB).delete("/api/v1/printers/twin").then().statusCode(200);
            }
            float progress = given().header("Authorization", ALICE).get("/api/v1/jobs/" + job).then().statusCode(200)
                    .extract().path("progress");
            Instant seenBefore = Instant.parse(given().header("Authorization", ALICE).get("/api/v1/printers/twin")
                    .then().extract().<String> path("last_seen"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(given().header("Authorization", ALICE).get("/api/v1/jobs/" + job).then()
                        .extract().<Float> path("progress")).isGreaterThan(progress);
                assertThat(Instant.parse(given().header("Authorization", ALICE).get("/api/v1/printers/twin").then()
                        .body("status", equalTo("printing")).extract().<String> path("last_seen")))
                        .isAfter(seenBefore);
            });
            given().header("Authorization", BOB).get("/api/v1/printers/twin").then().statusCode(404);
            given().header("Authorization", ALICE).delete("/api/v1/printers/twin").then().statusCode(200);
        }
    }
}
