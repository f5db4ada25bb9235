package app.nozzly.printer.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every replica holds a connection to every active printer. What another replica commits to a printer's row
 * (written here straight to the shared database, as that replica's transaction would) reaches this replica's
 * connections within the reconcile interval, with no request to this one.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class ReplicaConnectionsTest {

    private static final String TENANT = "replica-tenant";
    private static final String AUTH = TestTokens.bearer(TENANT, "admin");
    private static final String PRINTER = "bambu_replicas";

    static BambuPrinterSimulator bambu;

    @Inject
    AgroalDataSource database;

    @Inject
    TenantContext tenants;

    @AfterAll
    static void stopPrinter() {
        if (bambu != null) {
            bambu.close();
        }
    }

    @Test
    void aPrinterDeactivatedOrReactivatedThroughAnotherReplicaIsDisconnectedOrConnectedHere() throws Exception {
        bambu = BambuPrinterSimulator.builder().serial("01S00A0B0000091").model(BambuModel.A1)
                .accessCode("12345678").reportInterval(Duration.ofMillis(500)).start();
        given().header("Authorization", AUTH).contentType(ContentType.JSON).body(Map.of("id", PRINTER,
                "name", "Bambu Lab A1 #91", "type", "bambu_lab", "model", "A1", "ip_address", bambu.host(),
                "serial_number", bambu.serial(), "access_code", bambu.accessCode(), "mqtt_port", bambu.mqttPort(),
                "ftps_port", bambu.ftpsPort(), "ca_certificate", bambu.caCertificatePem()))
                .post("/api/v1/printers").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> bambu.mqttConnections() == 1);

        setActive(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> bambu.mqttConnections() == 0);

        setActive(true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(bambu.mqttConnections()).isEqualTo(1);
            given().header("Authorization", AUTH).get("/api/v1/printers/" + PRINTER).then().statusCode(200)
                    .body("connection_status", org.hamcrest.Matchers.equalTo("connected"));
        });
    }

    private void setActive(boolean active) throws SQLException {
        try (Connection connection = tenants.callAs(TENANT, database::getConnection);
                PreparedStatement update = connection.prepareStatement(
                        "update printer set is_active = ?, updated_at = now() where tenant_id = ? and id = ?")) {
            update.setBoolean(1, active);
            update.setString(2, TENANT);
            update.setString(3, PRINTER);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
