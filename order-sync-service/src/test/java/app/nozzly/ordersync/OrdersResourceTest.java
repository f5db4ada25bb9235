package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class OrdersResourceTest {

    private String bearer;
    private int orderId;

    @BeforeEach
    void syncedShop() {
        bearer = Seller.syncedBearer("Orders", 6, Duration.ofDays(10));
        orderId = Seller.firstOrderId(bearer);
    }

    @Test
    void putChangesStatusProductionStatusAndNotesAndAnnouncesIt() {
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("status", "shipped", "production_status", "completed", "notes",
                        "Completed and ready to ship"))
                .put("/api/orders/" + orderId).then().statusCode(200).body("status", equalTo("shipped"))
                .body("production_status", equalTo("completed")).body("notes", equalTo("Completed and ready to ship"));
        given().header("Authorization", bearer).queryParam("production_status", "completed").get("/api/orders").then()
                .statusCode(200).body("total", equalTo(1)).body("orders[0].id", equalTo(orderId));
        org.assertj.core.api.Assertions.assertThat(KafkaTopics.await("orders.events",
                r -> String.valueOf(orderId).equals(r.key()) && r.value().contains("order.status-changed")
                        && r.value().contains("\"shipped\""), 1, Duration.ofSeconds(60))).hasSize(1);
    }

    @Test
    void putRefusesUnknownStatusesAndChangesNothing() {
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of("status", "teleported"))
                .put("/api/orders/" + orderId).then().statusCode(400).body("status", equalTo(400))
                .body("error", startsWith("status: must be one of"));
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of())
                .put("/api/orders/" + orderId).then().statusCode(400);
        given().header("Authorization", bearer).get("/api/orders/" + orderId).then().body("status", equalTo("paid"));
    }

    @Test
    void notesAreAddedAndListed() {
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("content", "Printed successfully, no defects")).post("/api/orders/" + orderId + "/notes")
                .then().statusCode(201).body("order_id", equalTo(orderId))
                .body("content", equalTo("Printed successfully, no defects")).body("created_at", startsWith("20"));
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of("content", " "))
                .post("/api/orders/" + orderId + "/notes").then().statusCode(400);
        given().header("Authorization", bearer).get("/api/orders/" + orderId + "/notes").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].content", equalTo("Printed successfully, no defects"));
    }

    @Test
    void communicationsAreLoggedWithDirectionAndChannel() {
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("message", "Customer asked about delivery date", "direction", "inbound", "channel",
                        "etsy_message"))
                .post("/api/orders/" + orderId + "/communications").then().statusCode(201)
                .body("direction", equalTo("inbound")).body("channel", equalTo("etsy_message"));
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("message", "hi", "direction", "sideways", "channel", "email"))
                .post("/api/orders/" + orderId + "/communications").then().statusCode(400);
        given().header("Authorization", bearer).get("/api/orders/" + orderId + "/communications").then()
                .statusCode(200).body("$", hasSize(1));
    }

    @Test
    void listFiltersByDateAndRefusesBadParameters() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        given().header("Authorization", bearer).queryParam("start_date", tomorrow).get("/api/orders").then()
                .statusCode(200).body("total", equalTo(0));
        given().header("Authorization", bearer).queryParam("limit", "lots").get("/api/orders").then().statusCode(400)
                .body("error", containsString("lots"));
        given().header("Authorization", bearer).queryParam("start_date", "yesterday").get("/api/orders").then()
                .statusCode(400);
        given().header("Authorization", bearer).queryParam("status", "nope").get("/api/orders").then()
                .statusCode(400);
    }

    @Test
    void anotherShopsOrderIsNotFound() {
        String other = Seller.bearer(Seller.newShop("Stranger"));
        given().header("Authorization", other).get("/api/orders/" + orderId).then().statusCode(404)
                .body("status", equalTo(404));
        given().header("Authorization", other).contentType(ContentType.JSON).body(Map.of("content", "x"))
                .post("/api/orders/" + orderId + "/notes").then().statusCode(404);
    }
}
