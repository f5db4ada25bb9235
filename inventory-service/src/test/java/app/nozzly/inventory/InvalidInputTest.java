package app.nozzly.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Invalid input of any kind answers 400 (or 409 for a duplicate) naming what is wrong, never a 5xx, and changes
 * nothing: bounds are the columns' (V1__inventory.sql, V2__model_skus_and_order_skus.sql).
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class InvalidInputTest {

    private final String tenant = Inventory.newTenant();

    @Test
    void aMovementLineWithoutAKindIsRefusedNamingIt() {
        String spool = Inventory.spool(tenant, 1000);
        Map<String, Object> line = new HashMap<>(Inventory.line("spool", spool, "consumption", 10, "g"));
        line.put("kind", null);
        Inventory.as(tenant).body(Inventory.movement("no-kind", List.of(line))).post("/api/v1/inventory/movements")
                .then().statusCode(400).body("fields[0].field", equalTo("lines[0].kind"));
        assertUntouched(spool, "1000");
    }

    @Test
    void quantitiesTooSmallToCountAreRefusedInsteadOfRoundedToNothing() {
        String spool = Inventory.spool(tenant, 1000);
        for (String grams : List.of("1e-400", "0.0001", "0", "-5")) {
            Inventory.as(tenant).body("{\"idempotency_key\":\"tiny-" + grams + "\",\"spool_id\":\"" + spool
                    + "\",\"grams\":" + grams + "}").post("/api/v1/inventory/reservations").then().statusCode(400)
                    .body("fields[0].field", equalTo("grams"));
            Inventory.as(tenant).body("{\"idempotency_key\":\"tiny-" + grams + "\",\"cause\":{\"type\":\"user\","
                    + "\"id\":\"u\"},\"lines\":[{\"item_type\":\"spool\",\"item_id\":\"" + spool + "\",\"kind\":"
                    + "\"waste\",\"quantity\":" + grams + ",\"unit\":\"g\"}]}").post("/api/v1/inventory/movements")
                    .then().statusCode(400).body("fields[0].field", equalTo("lines[0].quantity"));
        }
        assertUntouched(spool, "1000");
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("reserved_grams", is(0));
    }

    @Test
    void numbersBeyondTheirColumnAreRefused() {
        Inventory.materialType(tenant, "PLA");
        Inventory.as(tenant).body(Map.of("material_type", "PLA", "initial_weight_grams", 1000, "cost_per_gram",
                new java.math.BigDecimal("123456789.5"))).post("/api/v1/spools").then().statusCode(400)
                .body("fields[0].field", equalTo("cost_per_gram"));
        Inventory.as(tenant).body(Map.of("material", "PLA", "initial_amount", 1000, "cost_per_gram", 1e12))
                .post("/api/filaments").then().statusCode(400).body("error", equalTo(
                        "cost_per_gram: must be less than or equal to 99999999.999999"));
        Inventory.admin(tenant).body(Map.of("code", "PETG", "density_g_cm3", 12345.6)).post("/api/v1/material-types")
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("must be less than or"
                        + " equal to 30"));
        Inventory.admin(tenant).body("{\"code\":\"ABS\",\"nozzle_temp_c\":2147483648}").post("/api/v1/material-types")
                .then().statusCode(400).body("fields[0].field", equalTo("nozzle_temp_c"));
        Inventory.admin(tenant).body(Map.of("name", "Big", "sku", "BIG-1", "finished_stock_units", 1e13))
                .post("/api/v1/models").then().statusCode(400).body("fields[0].field", equalTo("finished_stock_units"));
        Inventory.as(tenant).get("/api/v1/spools").then().body("total", is(0));
        Inventory.as(tenant).get("/api/filaments").then().body("total", is(0));
        Inventory.as(tenant).get("/api/v1/material-types").then().body("total", is(1));
        Inventory.as(tenant).get("/api/v1/models").then().body("total", is(0));
    }

    @Test
    void textBeyondItsColumnOrHoldingNulIsRefused() {
        String huge = "x".repeat(100_000);
        Inventory.admin(tenant).body(Map.of("name", huge, "sku", "S-1")).post("/api/v1/models").then().statusCode(400)
                .body("fields[0].field", equalTo("name"));
        Inventory.admin(tenant).body(Map.of("code", "M-1", "name", "Salt", "unit", "kg", "description", huge))
                .post("/api/v1/materials").then().statusCode(400).body("fields[0].field", equalTo("description"));
        Inventory.admin(tenant).body(Map.of("code", "A\u0000B")).post("/api/v1/material-types").then().statusCode(400)
                .body("fields[0].field", equalTo("code"));
        Inventory.as(tenant).body(Map.of("material", "PLA", "color", huge, "initial_amount", 1000))
                .post("/api/filaments").then().statusCode(400).body("status", is(400));
        Inventory.as(tenant).urlEncodingEnabled(false).get("/api/v1/spools?brand=%00").then().statusCode(400);
        Inventory.as(tenant).urlEncodingEnabled(false).get("/api/v1/models/by-sku/A%00B").then().statusCode(400);
        Inventory.as(tenant).get("/api/v1/models/by-sku/" + "y".repeat(300)).then().statusCode(400);
        Inventory.as(tenant).get("/api/v1/models").then().body("total", is(0));
        Inventory.as(tenant).get("/api/v1/materials").then().body("total", is(0));
        Inventory.as(tenant).get("/api/v1/material-types").then().body("total", is(0));
        Inventory.as(tenant).get("/api/filaments").then().body("total", is(0));
    }

    @Test
    void datesBeyondWhatIsStoredAreRefused() {
        Inventory.admin(tenant).body(Map.of("code", "GLY", "name", "Glycerin", "unit", "kg", "lots",
                List.of(Map.of("lot_number", "L1", "quantity", 5, "expires_at", "+10000-01-01"))))
                .post("/api/v1/materials").then().statusCode(400)
                .body("fields[0].field", equalTo("lots[0].expires_at"));
        Inventory.materialType(tenant, "PLA");
        Inventory.as(tenant).body(Map.of("material_type", "PLA", "initial_weight_grams", 1000, "purchased_at",
                "+10000-01-01")).post("/api/v1/spools").then().statusCode(400)
                .body("fields[0].field", equalTo("purchased_at"));
        Inventory.admin(tenant).get("/api/v1/materials").then().body("total", is(0));
        Inventory.as(tenant).get("/api/v1/spools").then().body("total", is(0));
    }

    @Test
    void malformedParametersAnswer400NotNotFound() {
        for (String query : List.of("/api/v1/spools?page=abc", "/api/v1/spools?size=501", "/api/v1/spools?page=0",
                "/api/v1/spools?archived=maybe", "/api/v1/spools?low_stock=perhaps", "/api/v1/spools/not-a-uuid",
                "/api/v1/inventory/transactions?item_id=nope", "/api/v1/inventory/transactions?from=yesterday",
                "/api/v1/inventory/transactions?kind=stolen", "/api/v1/inventory/transactions?item_type=car",
                "/api/v1/inventory/reservations?status=pending", "/api/v1/inventory/reservations?spool_id=x",
                "/api/v1/inventory/stock/42", "/api/v1/models/unmapped-skus?size=-1", "/api/filaments?limit=0",
                "/api/filaments?offset=-1", "/api/filaments?low_stock=maybe", "/api/filaments/42")) {
            Response answer = Inventory.as(tenant).get(query);
            assertThat(answer.statusCode()).as(query + ": " + answer.asString()).isEqualTo(400);
        }
    }

    @Test
    void aCamelCasePropertyIsRefusedNotIgnored() {
        Inventory.admin(tenant).body(Map.of("code", "X", "name", "x", "nozzleTempC", 210))
                .post("/api/v1/material-types").then().statusCode(400)
                .body("fields[0].field", equalTo("nozzleTempC"))
                .body("fields[0].message", org.hamcrest.Matchers.containsString("nozzle_temp_c"));
        Inventory.as(tenant).get("/api/v1/material-types?code=X").then().body("total", is(0));
        Inventory.materialType(tenant, "PLA");
        Inventory.as(tenant).body(Map.of("material_type", "PLA", "initialWeightGrams", 1000)).post("/api/v1/spools")
                .then().statusCode(400).body("fields.field", hasItem("initialWeightGrams"));
        Inventory.as(tenant).body(Map.of("material", "PLA", "initialAmount", 1000)).post("/api/filaments")
                .then().statusCode(400).body("error", org.hamcrest.Matchers.containsString("initialAmount"));
        Inventory.as(tenant).get("/api/v1/spools").then().body("total", is(0));
    }

    @Test
    void sixIdenticalConcurrentCreatesMakeOneAndAnswer409ForTheRest() {
        Inventory.materialType(tenant, "PLA");
        assertOneCreated(() -> Inventory.admin(tenant).body(Map.of("code", "SAME")).post("/api/v1/material-types"));
        assertOneCreated(() -> Inventory.as(tenant).body(Map.of("spool_id", "FIL-SAME", "material_type", "PLA",
                "initial_weight_grams", 1000)).post("/api/v1/spools"));
        assertOneCreated(() -> Inventory.admin(tenant).body(Map.of("name", "Soap", "sku", "PRD-SAME"))
                .post("/api/v1/products"));
        assertOneCreated(() -> Inventory.admin(tenant).body(Map.of("name", "Vase", "sku", "MDL-SAME"))
                .post("/api/v1/models"));
        assertOneCreated(() -> Inventory.admin(tenant).body(Map.of("code", "MAT-SAME", "name", "Salt", "unit", "kg"))
                .post("/api/v1/materials"));
        Inventory.as(tenant).get("/api/v1/material-types?code=SAME").then().body("total", is(1));
        Inventory.as(tenant).get("/api/v1/spools?spool_id=FIL-SAME").then().body("total", is(1));
        Inventory.as(tenant).get("/api/v1/products?sku=PRD-SAME").then().body("total", is(1));
        Inventory.as(tenant).get("/api/v1/models?sku=MDL-SAME").then().body("total", is(1));
        Inventory.as(tenant).get("/api/v1/materials?code=MAT-SAME").then().body("total", is(1));
    }

    private static void assertOneCreated(Supplier<Response> create) {
        List<CompletableFuture<Response>> calls = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(create)).toList();
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(Response::statusCode).toList();
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
    }

    private void assertUntouched(String spool, String grams) {
        assertThat(Inventory.stockAndLedger(tenant, spool)).allSatisfy(v -> assertThat(v).isEqualByComparingTo(grams));
        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + spool).then().body("total", is(1));
    }
}
