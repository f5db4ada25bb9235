package app.nozzly.production.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.production.runs.InventoryServiceResource;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** UPPER_CASE Java constants change neither the JSON nor the values specs/001 rows have always held. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class StoredValuesTest {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Test
    void enumsAreStoredAndShownAsTheSpecSpellsThem() {
        ProcessFixtures f = new ProcessFixtures();
        ProcessFixtures.Plant plant = f.plant(100, 0.1, 100, "health_wellness");
        String batchId = plant.started(50);
        f.api().get("/api/v1/production/batches/" + batchId).then().statusCode(200)
                .body("status", equalTo("in_progress")).body("priority", equalTo("high"))
                .body("recipe.product_category", equalTo("health_wellness"))
                .body("recipe.quality_parameters[0].test_type", equalTo("ph"));

        assertThat(row("select status || ' ' || priority || ' ' || product_category from process_batch where id = ?1",
                f, batchId)).isEqualTo("in_progress high health_wellness");
        assertThat(row("select status from process_reactor where id = ?1", f, plant.reactorId)).isEqualTo("mixing");
        assertThat(row("select status || ' ' || priority from process_order where id = ?1", f, plant.orderId))
                .isEqualTo("in_progress normal");
        assertThat(row("select status || ' ' || (quality_parameters -> 0 ->> 'test_type') from process_recipe"
                + " where id = ?1", f, plant.recipeId)).isEqualTo("approved ph");
    }

    /** A row as its tenant's session sees it (row-level security shows a session no other tenant's rows). */
    private String row(String sql, ProcessFixtures f, String id) {
        return tenants.callAs(f.tenant, () -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(sql).setParameter(1, UUID.fromString(id)).getResultList();
            return String.valueOf(rows.get(0));
        }));
    }
}
