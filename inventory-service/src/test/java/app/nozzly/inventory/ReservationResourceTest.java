package app.nozzly.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Reservations: available = current - active reservations; released on cancel, converted on completion. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class ReservationResourceTest {

    private final String tenant = Inventory.newTenant();

    private static Map<String, Object> reservation(String key, String spool, double grams) {
        return Map.of("idempotency_key", key, "spool_id", spool, "grams", grams,
                "cause", Map.of("type", "production_run", "id", "run-7"));
    }

    @Test
    void aReservationReducesWhatIsAvailableToOthers() {
        String spool = Inventory.spool(tenant, 1000);
        Inventory.as(tenant).body(reservation("run-7-mat-1", spool, 600)).post("/api/v1/inventory/reservations")
                .then().statusCode(201).body("status", equalTo("active")).body("grams", is(600))
                .body("spool_id", equalTo(spool)).body("cause.type", equalTo("production_run"));

        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("current_weight_grams", is(1000))
                .body("reserved_grams", is(600)).body("available_grams", is(400));
        Inventory.as(tenant).body(reservation("run-8-mat-1", spool, 500)).post("/api/v1/inventory/reservations")
                .then().statusCode(409).contentType("application/problem+json")
                .body("lines[0].item_id", equalTo(spool)).body("lines[0].requested", is(500))
                .body("lines[0].available", is(400));
        Inventory.as(tenant).body(Inventory.movement("other-use", List.of(
                Inventory.line("spool", spool, "consumption", 401, "g")))).post("/api/v1/inventory/movements")
                .then().statusCode(409).body("lines[0].available", is(400));
        assertThat(Inventory.stockAndLedger(tenant, spool)).allSatisfy(v -> assertThat(v).isEqualByComparingTo("1000"));
    }

    @Test
    void theSameReservationKeyReservesOnce() {
        String spool = Inventory.spool(tenant, 1000);
        String first = Inventory.as(tenant).body(reservation("run-9-mat-1", spool, 185))
                .post("/api/v1/inventory/reservations").then().statusCode(201).extract().asString();
        String again = Inventory.as(tenant).body(reservation("run-9-mat-1", spool, 185))
                .post("/api/v1/inventory/reservations").then().statusCode(200).extract().asString();
        assertThat(again).isEqualTo(first);
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("reserved_grams", is(185));
    }

    @Test
    void releasingFreesTheGramsAndIsIdempotent() {
        String spool = Inventory.spool(tenant, 1000);
        String id = Inventory.as(tenant).body(reservation("run-10-mat-1", spool, 300))
                .post("/api/v1/inventory/reservations").then().statusCode(201).extract().path("id");
        Inventory.as(tenant).post("/api/v1/inventory/reservations/" + id + "/release").then().statusCode(200)
                .body("status", equalTo("released"));
        Inventory.as(tenant).post("/api/v1/inventory/reservations/" + id + "/release").then().statusCode(200)
                .body("status", equalTo("released"));
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("reserved_grams", is(0))
                .body("available_grams", is(1000));
        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + spool + "&kind=reservation")
                .then().body("total", is(2)).body("items.signed_quantity", contains(0, 0))
                .body("items.quantity", contains(300, 300)).body("items.balance_after", contains(1000, 1000))
                .body("items.reservation_id", contains(id, id)).body("items.note", containsInAnyOrder(
                        "reserved 300.000 g", "released 300.000 g"));
    }

    @Test
    void completionConvertsTheReservationInTheSameMovement() {
        String spool = Inventory.spool(tenant, 1000);
        String id = Inventory.as(tenant).body(reservation("run-11-mat-1", spool, 185))
                .post("/api/v1/inventory/reservations").then().statusCode(201).extract().path("id");
        Map<String, Object> line = new java.util.HashMap<>(Inventory.line("spool", spool, "consumption", 190, "g"));
        line.put("reservation_id", id);

        Inventory.as(tenant).body(Inventory.movement("run-11-complete", List.of(line)))
                .post("/api/v1/inventory/movements").then().statusCode(201).body("lines[0].balance_after", is(810));

        Inventory.as(tenant).get("/api/v1/inventory/reservations/" + id).then().body("status", equalTo("consumed"));
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("current_weight_grams", is(810))
                .body("reserved_grams", is(0));
        Inventory.as(tenant).body(Inventory.movement("run-11-complete-again", List.of(line)))
                .post("/api/v1/inventory/movements").then().statusCode(409);
        Inventory.as(tenant).post("/api/v1/inventory/reservations/" + id + "/release").then().statusCode(409);
    }

    @Test
    void anActiveReservationCanBeResizedWhileItFits() {
        String spool = Inventory.spool(tenant, 500);
        String id = Inventory.as(tenant).body(reservation("run-12-mat-1", spool, 185))
                .post("/api/v1/inventory/reservations").then().statusCode(201).extract().path("id");
        Inventory.as(tenant).body(Map.of("grams", 200)).patch("/api/v1/inventory/reservations/" + id)
                .then().statusCode(200).body("grams", is(200));
        Inventory.as(tenant).body(Map.of("grams", 501)).patch("/api/v1/inventory/reservations/" + id)
                .then().statusCode(409).body("lines[0].available", is(500));
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("reserved_grams", is(200));
        Inventory.as(tenant).get("/api/v1/inventory/reservations?spool_id=" + spool + "&status=active")
                .then().statusCode(200).body("total", is(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void reservingAnUnknownSpoolAnswers404() {
        Inventory.as(tenant).body(reservation("run-13-mat-1", java.util.UUID.randomUUID().toString(), 10))
                .post("/api/v1/inventory/reservations").then().statusCode(404);
        Inventory.as(tenant).body(Map.of("spool_id", "x", "grams", 10)).post("/api/v1/inventory/reservations")
                .then().statusCode(400);
    }
}
