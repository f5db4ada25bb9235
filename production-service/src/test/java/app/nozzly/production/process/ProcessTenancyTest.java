package app.nozzly.production.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.production.runs.InventoryServiceResource;
import app.nozzly.testing.AtOnce;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Values of specs/001 a client chooses (recipe name and version) or reads as identifiers (order numbers, lot
 * numbers of batches, raw-material lot numbers) are unique per tenant: two tenants use the same ones side by side.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class ProcessTenancyTest {

    private static final String BASE = "/api/v1/production";

    @Test
    void twoTenantsWriteOneRecipeNameAndVersionAndEachChangesOnlyItsOwn() {
        ProcessFixtures a = new ProcessFixtures();
        ProcessFixtures b = new ProcessFixtures();
        Formula ofA = Formula.of(a);
        Formula ofB = Formula.of(b);
        String recipeA = a.draftRecipe(ofA.version("1.0"));
        String recipeB = b.draftRecipe(ofB.version("1.0"));

        a.api().get(BASE + "/recipes").then().body("items.id", equalTo(List.of(recipeA)));
        b.api().get(BASE + "/recipes").then().body("items.id", equalTo(List.of(recipeB)));
        a.api().get(BASE + "/recipes/" + recipeB).then().statusCode(404).body("error.code",
                equalTo("RECIPE_NOT_FOUND"));

        a.api().body(Map.of("approved_by", "QFB Ana", "cofepris_compliance_verified", true))
                .put(BASE + "/recipes/" + recipeA + "/approve").then().statusCode(200);
        b.api().get(BASE + "/recipes/" + recipeB).then().body("status", equalTo("draft"));
        a.api().body(Map.of("status", "deprecated")).put(BASE + "/recipes/" + recipeA + "/status").then()
                .statusCode(200);
        b.api().get(BASE + "/recipes/" + recipeB).then().body("status", equalTo("draft"))
                .body("version", equalTo("1.0"));

        a.api().body(ofA.version("1.0")).post(BASE + "/recipes").then().statusCode(409)
                .body("error.code", equalTo("ALREADY_EXISTS"));
        b.draftRecipe(ofB.version("1.1"));
    }

    @Test
    void sixIdenticalRecipeCreatesAtOnceMakeOneVersionAndFiveConflicts() throws Exception {
        ProcessFixtures a = new ProcessFixtures();
        Map<String, Object> body = Formula.of(a).version("2.0");
        List<Integer> statuses = AtOnce.times(6, () -> a.api().body(body).post(BASE + "/recipes").statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409);
        a.api().get(BASE + "/recipes").then().body("items", hasSize(1)).body("items[0].version", equalTo("2.0"));
    }

    @Test
    void twoTenantsHaveTheSameOrderAndLotNumbersAndEachChangesOnlyItsOwn() {
        ProcessFixtures a = new ProcessFixtures();
        ProcessFixtures b = new ProcessFixtures();
        Plant plantA = new Plant(a);
        Plant plantB = new Plant(b);

        String orderNumber = a.api().get(BASE + "/orders/" + plantA.orderId).then().extract().path("order_number");
        b.api().get(BASE + "/orders/" + plantB.orderId).then().body("order_number", equalTo(orderNumber));
        String lot = a.api().get(BASE + "/batches/" + plantA.batchId).then().extract().path("batch_number");
        b.api().get(BASE + "/batches/" + plantB.batchId).then().body("batch_number", equalTo(lot));
        assertThat(orderNumber).endsWith("-001");
        assertThat(lot).endsWith("-001");

        a.api().get(BASE + "/traceability/lots/TA-SHARED").then().statusCode(200)
                .body("batches.batch_id", equalTo(List.of(plantA.batchId)));
        a.api().get(BASE + "/batches/" + plantB.batchId).then().statusCode(404);

        a.api().body(Map.of("status", "failed", "reason", "fuga")).put(BASE + "/batches/" + plantA.batchId
                + "/status").then().statusCode(200);
        a.api().body(Map.of("status", "cancelled")).put(BASE + "/orders/" + plantA.orderId + "/status").then()
                .statusCode(200);
        b.api().get(BASE + "/batches/" + plantB.batchId).then().body("status", equalTo("in_progress"));
        b.api().get(BASE + "/orders/" + plantB.orderId).then().body("status", equalTo("in_progress"));
        b.api().get(BASE + "/orders?status=cancelled").then().body("total", equalTo(0));
    }

    /** A tenant's plant whose raw material has lot TA-SHARED, with one batch started. */
    private static final class Plant {
        final String orderId;
        final String batchId;

        Plant(ProcessFixtures f) {
            String productId = f.product("Limpiador");
            String materialId = f.material("Tensoactivo", List.of(ProcessFixtures.lot("TA-SHARED", 100,
                    LocalDate.now(ZoneOffset.UTC).plusMonths(6))));
            String recipeId = f.approvedRecipe(ProcessFixtures.recipeBody(productId, materialId, 0.1, "cleaning"));
            orderId = f.order(productId, 100);
            batchId = f.startBatch(f.reactor(), ProcessFixtures.startBody(productId, recipeId, orderId,
                    f.certifiedOperator(), 50)).statusCode(201).extract().path("id");
        }
    }

    /** A tenant's product and raw material in inventory, for its recipes. */
    private record Formula(String productId, String materialId) {

        static Formula of(ProcessFixtures f) {
            return new Formula(f.product("Limpiador"), f.material("Agua", List.of(ProcessFixtures.lot("AG-1", 10,
                    LocalDate.now(ZoneOffset.UTC).plusMonths(6)))));
        }

        Map<String, Object> version(String version) {
            Map<String, Object> body = ProcessFixtures.recipeBody(productId, materialId, 0.1, "cleaning");
            body.put("name", "Limpiador multiusos");
            body.put("version", version);
            return body;
        }
    }
}
