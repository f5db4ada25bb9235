package app.nozzly.inventory;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Tenant A's spools do not exist for tenant B: not listed, not readable, not movable (404, nothing moves). */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class TenantIsolationTest {

    @Test
    void tenantBCannotSeeOrMoveTenantAsSpools() {
        String a = Inventory.newTenant();
        String b = Inventory.newTenant();
        String spool = Inventory.spool(a, 1000);
        Inventory.spool(b, 500);

        Inventory.as(b).get("/api/v1/spools/" + spool).then().statusCode(404);
        Inventory.as(b).get("/api/v1/spools").then().body("items.id", not(hasItem(spool)));
        Inventory.as(b).get("/api/filaments").then().body("filaments.id", not(hasItem(spool)));
        Inventory.as(b).get("/api/v1/inventory/stock/" + spool).then().statusCode(404);
        Inventory.as(b).get("/api/v1/inventory/transactions?item_id=" + spool).then().body("total", is(0));

        Inventory.as(b).body(Inventory.movement("steal-1", List.of(Inventory.line("spool", spool, "consumption", 100,
                "g")))).post("/api/v1/inventory/movements").then().statusCode(404);
        Inventory.as(b).body(Map.of("idempotency_key", "steal-2", "spool_id", spool, "grams", 100,
                "cause", Map.of("type", "production_run", "id", "r"))).post("/api/v1/inventory/reservations")
                .then().statusCode(404);
        Inventory.as(b).body(Map.of("brand", "mine now")).patch("/api/v1/spools/" + spool).then().statusCode(404);
        Inventory.as(b).body(Map.of("gross_weight_grams", 300)).post("/api/v1/spools/" + spool + "/weighings")
                .then().statusCode(404);
        Inventory.as(b).body(Map.of("material", "PLA", "initial_amount", 1000, "current_amount", 1))
                .put("/api/filaments/" + spool).then().statusCode(404);
        Inventory.as(b).delete("/api/filaments/" + spool).then().statusCode(404);
        Inventory.as(b).delete("/api/v1/spools/" + spool).then().statusCode(404);

        Inventory.as(a).get("/api/v1/spools/" + spool).then().statusCode(200).body("current_weight_grams", is(1000))
                .body("reserved_grams", is(0)).body("brand", is("Bambu Lab")).body("archived", is(false));
        Inventory.as(a).get("/api/v1/inventory/transactions?item_id=" + spool).then().body("total", is(1));
    }
}
