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

/**
 * Tenant A's spools do not exist for tenant B: not listed, not readable, not movable (404, nothing moves). Every
 * value a client chooses (material type codes, spool codes, product, model and material skus and codes, lot numbers,
 * idempotency keys) is unique per tenant: two tenants may use the same one, each seeing and changing only its own.
 */
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

    @Test
    void twoTenantsUseTheSameCodesSkusLotsAndKeysEachSeeingOnlyItsOwn() {
        String a = Inventory.newTenant();
        String b = Inventory.newTenant();
        Map<String, String> ofA = catalogue(a);
        Map<String, String> ofB = catalogue(b);

        for (String[] lookup : new String[][] {{"type", "/api/v1/material-types?code=TWIN"},
                {"spool", "/api/v1/spools?spool_id=FIL-TWIN"}, {"product", "/api/v1/products?sku=PRD-TWIN"},
                {"model", "/api/v1/models?sku=MDL-TWIN"}, {"material", "/api/v1/materials?code=MAT-TWIN"}}) {
            Inventory.as(a).get(lookup[1]).then().body("total", is(1)).body("items[0].id", is(ofA.get(lookup[0])));
            Inventory.as(b).get(lookup[1]).then().body("total", is(1)).body("items[0].id", is(ofB.get(lookup[0])));
        }
        Inventory.as(b).get("/api/v1/models/by-sku/MDL-TWIN-RED").then().body("id", is(ofB.get("model")));

        // the same idempotency keys are first requests in each tenant, moving each tenant's own stock
        for (String tenant : List.of(a, b)) {
            String spool = tenant.equals(a) ? ofA.get("spool") : ofB.get("spool");
            Inventory.as(tenant).body(Map.of("idempotency_key", "run-1-mat-1", "spool_id", spool, "grams", 100))
                    .post("/api/v1/inventory/reservations").then().statusCode(201);
            Inventory.as(tenant).body(Inventory.movement("run-1-complete", List.of(Inventory.line("spool", spool,
                    "consumption", tenant.equals(a) ? 10 : 20, "g")))).post("/api/v1/inventory/movements").then()
                    .statusCode(201);
            Map<String, Object> out = new java.util.HashMap<>(Inventory.line("material", tenant.equals(a)
                    ? ofA.get("material") : ofB.get("material"), "consumption", 1, "kg"));
            out.put("lot_number", "LOT-TWIN");
            Inventory.as(tenant).body(Inventory.movement("batch-1-start", List.of(out)))
                    .post("/api/v1/inventory/movements").then().statusCode(201);
        }
        Inventory.as(a).get("/api/v1/spools/" + ofA.get("spool")).then().body("current_weight_grams", is(990))
                .body("reserved_grams", is(100));
        Inventory.as(b).get("/api/v1/spools/" + ofB.get("spool")).then().body("current_weight_grams", is(980))
                .body("reserved_grams", is(100));

        // changing and deleting tenant A's leaves tenant B's as it was
        Inventory.admin(a).body(Map.of("name", "Renamed")).patch("/api/v1/products/" + ofA.get("product")).then()
                .statusCode(200);
        Inventory.admin(a).body(Map.of("name", "Renamed")).patch("/api/v1/models/" + ofA.get("model")).then()
                .statusCode(200);
        Inventory.admin(a).delete("/api/v1/models/" + ofA.get("model") + "/skus/MDL-TWIN-RED").then().statusCode(204);
        Inventory.admin(a).delete("/api/v1/material-types/" + ofA.get("unused")).then().statusCode(204);
        Inventory.as(a).delete("/api/v1/spools/" + ofA.get("other-spool")).then().statusCode(204);
        Inventory.as(b).get("/api/v1/products/" + ofB.get("product")).then().body("name", is("Twin"));
        Inventory.as(b).get("/api/v1/models/" + ofB.get("model")).then().body("name", is("Twin"))
                .body("skus", org.hamcrest.Matchers.contains("MDL-TWIN", "MDL-TWIN-RED"));
        Inventory.as(b).get("/api/v1/material-types/" + ofB.get("unused")).then().statusCode(200);
        Inventory.as(b).get("/api/v1/spools/" + ofB.get("other-spool")).then().body("archived", is(false));
        Inventory.as(b).get("/api/v1/materials/" + ofB.get("material")).then().body("quantity", is(4))
                .body("lots[0].lot_number", is("LOT-TWIN"));
        Inventory.as(a).get("/api/v1/models/by-sku/MDL-TWIN-RED").then().statusCode(404);
    }

    /** The same codes, skus and lot numbers in any tenant; answers the ids of what was created. */
    private static Map<String, String> catalogue(String tenant) {
        Map<String, String> ids = new java.util.HashMap<>();
        ids.put("type", Inventory.admin(tenant).body(Map.of("code", "TWIN")).post("/api/v1/material-types").then()
                .statusCode(201).extract().path("id"));
        ids.put("unused", Inventory.admin(tenant).body(Map.of("code", "TWIN-UNUSED")).post("/api/v1/material-types")
                .then().statusCode(201).extract().path("id"));
        ids.put("spool", Inventory.as(tenant).body(Map.of("spool_id", "FIL-TWIN", "material_type", "TWIN",
                "initial_weight_grams", 1000)).post("/api/v1/spools").then().statusCode(201).extract().path("id"));
        ids.put("other-spool", Inventory.as(tenant).body(Map.of("spool_id", "FIL-TWIN-2", "material_type", "TWIN",
                "initial_weight_grams", 500)).post("/api/v1/spools").then().statusCode(201).extract().path("id"));
        ids.put("product", Inventory.admin(tenant).body(Map.of("name", "Twin", "sku", "PRD-TWIN", "lots",
                List.of(Map.of("lot_number", "LOT-TWIN", "quantity", 3)))).post("/api/v1/products").then()
                .statusCode(201).extract().path("id"));
        ids.put("model", Inventory.admin(tenant).body(Map.of("name", "Twin", "sku", "MDL-TWIN")).post("/api/v1/models")
                .then().statusCode(201).extract().path("id"));
        Inventory.admin(tenant).body(Map.of("sku", "MDL-TWIN-RED")).post("/api/v1/models/" + ids.get("model") + "/skus")
                .then().statusCode(201);
        ids.put("material", Inventory.admin(tenant).body(Map.of("code", "MAT-TWIN", "name", "Salt", "unit", "kg",
                "lots", List.of(Map.of("lot_number", "LOT-TWIN", "quantity", 5)))).post("/api/v1/materials").then()
                .statusCode(201).extract().path("id"));
        return ids;
    }
}
