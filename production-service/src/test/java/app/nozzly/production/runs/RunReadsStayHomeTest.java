package app.nozzly.production.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.production.catalog.CatalogModel;
import app.nozzly.production.catalog.CatalogSpool;
import app.nozzly.production.catalog.repository.Catalog;
import app.nozzly.testing.Envelopes;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A run's detail shows its items' models and its materials' spools from production's own copy of inventory's
 * catalog (ARCHITECTURE.md, Events: reads stay home): changes reach it through inventory.catalog events, it answers
 * while inventory-service is down, and each tenant's copy is its own.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class RunReadsStayHomeTest {

    private static final String RUNS = "/api/v1/production-runs/";
    private static final Duration EVENTS = Duration.ofSeconds(30);

    @Inject
    Catalog catalog;

    @Inject
    TenantContext tenants;

    @Test
    void aModelRenamedAndASpoolRecolouredInInventoryShowInTheRunDetail() {
        RunsApi a = new RunsApi();
        String model = a.inventory.model("Dragon", "DRAGON-" + suffix());
        String spool = a.inventory.spool("FIL-" + suffix(), 1000, 0.02);
        String run = a.create(model, 2, spool, 50, 5, 5).getString("id");

        a.inventory.changeModel(model, Map.of("name", "Dragon, large", "sku", "DRAGON-L-" + suffix()));
        a.inventory.changeSpool(spool, Map.of("color", "Galaxy Blue", "brand", "Polymaker", "cost_per_gram", 0.03));
        a.inventory.renameMaterialType("PLA", "Polylactic acid");

        Awaitility.await().atMost(EVENTS).untilAsserted(() -> {
            JsonPath detail = a.get(run);
            assertThat(detail.getString("items[0].model.name")).isEqualTo("Dragon, large");
            assertThat(detail.getString("items[0].model.sku")).startsWith("DRAGON-L-");
            assertThat(detail.getString("materials[0].spool.color")).isEqualTo("Galaxy Blue");
            assertThat(detail.getString("materials[0].spool.brand")).isEqualTo("Polymaker");
            assertThat(detail.getString("materials[0].spool.material_type.name")).isEqualTo("Polylactic acid");
            assertThat(detail.getDouble("estimated_material_cost")).isEqualTo(1.8);
        });
    }

    @Test
    void aRunDetailAnswersWithItsModelAndSpoolWhileInventoryServiceIsStopped() {
        RunsApi a = new RunsApi();
        String model = a.inventory.model("Owl", "OWL-" + suffix());
        String spool = a.inventory.spool("FIL-" + suffix(), 1000, 0.02);
        String run = a.create(model, 3, spool, 60, 0, 0).getString("id");

        InventoryServiceResource.whileStopped(() -> {
            a.api().get(RUNS + run).then().statusCode(200)
                    .body("items[0].model.id", equalTo(model))
                    .body("items[0].model.name", equalTo("Owl"))
                    .body("materials[0].spool.id", equalTo(spool))
                    .body("materials[0].spool.color", equalTo("Matte Black"))
                    .body("materials[0].spool.material_type.code", equalTo("PLA"))
                    .body("estimated_material_cost", notNullValue());
            a.api().get(RUNS.substring(0, RUNS.length() - 1)).then().statusCode(200).body("total", equalTo(1));
        });
    }

    @Test
    void anotherTenantsCatalogOfTheSameIdsLeavesThisTenantsViewAsItWas() {
        RunsApi a = new RunsApi();
        String model = a.inventory.model("Cat", "CAT-" + suffix());
        String spool = a.inventory.spool("FIL-" + suffix(), 1000, 0.02);
        String run = a.create(model, 1, spool, 20, 0, 0).getString("id");
        String other = "tenant-" + UUID.randomUUID();
        String later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString();

        modelChanged(other, model, "Not your cat", "OTHER", later);
        spoolChanged(other, spool, later, Map.of("spool_id", "OTHER-1", "color", "Pink",
                "material_type", Map.of("code", "PETG", "name", "PETG")));
        Awaitility.await().atMost(EVENTS).until(() -> copyOf(other, UUID.fromString(spool)).isPresent()
                && copyOfModel(other, UUID.fromString(model)).isPresent());

        assertThat(copyOfModel(other, UUID.fromString(model))).get().extracting(CatalogModel::name)
                .isEqualTo("Not your cat");
        a.api().get(RUNS + run).then().statusCode(200)
                .body("items[0].model.name", equalTo("Cat"))
                .body("materials[0].spool.color", equalTo("Matte Black"))
                .body("materials[0].spool.material_type.code", equalTo("PLA"));
        assertThat(copyOfModel("tenant-" + UUID.randomUUID(), UUID.fromString(model))).isEmpty();
    }

    @Test
    void aLateEventOfAnOlderVersionLeavesTheNewerOneInTheRunDetail() {
        RunsApi a = new RunsApi();
        String model = a.inventory.model("Fox", "FOX-" + suffix());
        String spool = a.inventory.spool("FIL-" + suffix(), 1000, 0.02);
        String run = a.create(model, 1, spool, 20, 0, 0).getString("id");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        modelChanged(a.tenant, model, "Fox, second", "FOX-2", now.plusDays(2));
        spoolChanged(a.tenant, spool, now.plusDays(2), Map.of("spool_id", "FIL-2", "color", "Orange",
                "material_type", Map.of("code", "PETG", "name", "PETG")));
        Awaitility.await().atMost(EVENTS).untilAsserted(() -> assertThat(a.get(run).getString("items[0].model.name"))
                .isEqualTo("Fox, second"));

        // late: the versions before; then another tenant's events of the same keys, handled after them in order
        modelChanged(a.tenant, model, "Fox, first", "FOX-1", now.plusDays(1));
        spoolChanged(a.tenant, spool, now.plusDays(1), Map.of("spool_id", "FIL-1", "color", "Grey", "cost_per_gram",
                0.5, "material_type", Map.of("code", "PLA", "name", "PLA")));
        String other = "tenant-" + UUID.randomUUID();
        modelChanged(other, model, "Marker", "M", now);
        spoolChanged(other, spool, now, Map.of("spool_id", "M-1"));
        Awaitility.await().atMost(EVENTS).until(() -> copyOf(other, UUID.fromString(spool)).isPresent()
                && copyOfModel(other, UUID.fromString(model)).isPresent());

        JsonPath detail = a.get(run);
        assertThat(detail.getString("items[0].model.name")).isEqualTo("Fox, second");
        assertThat(detail.getString("materials[0].spool.color")).isEqualTo("Orange");
        assertThat(detail.getString("materials[0].spool.material_type.code")).isEqualTo("PETG");
        assertThat(copyOf(a.tenant, UUID.fromString(spool))).get().extracting(CatalogSpool::costPerGram)
                .as("the newer version named no cost").isNull();
    }

    /** inventory's event of a model's new version, as inventory-service publishes it (keyed by the model). */
    private static void modelChanged(String tenant, String model, String name, String sku, Object version) {
        KafkaTopics.send("inventory.catalog", model, event(tenant, "inventory.model.changed", model,
                Map.of("id", model, "name", name, "sku", sku, "updated_at", version.toString())));
    }

    /** inventory's event of a spool's new version with these fields besides its id and version. */
    private static void spoolChanged(String tenant, String spool, Object version, Map<String, Object> fields) {
        Map<String, Object> data = new HashMap<>(fields);
        data.put("id", spool);
        data.put("updated_at", version.toString());
        KafkaTopics.send("inventory.catalog", spool, event(tenant, "inventory.spool.changed", spool, data));
    }

    private Optional<CatalogSpool> copyOf(String tenant, UUID spool) {
        return asTenant(tenant, () -> catalog.spool(spool));
    }

    private Optional<CatalogModel> copyOfModel(String tenant, UUID model) {
        return asTenant(tenant, () -> catalog.model(model));
    }

    /** Reads production's copy as the tenant, as its consumer writes it (Awaitility polls on a thread of its own). */
    private <T> T asTenant(String tenant, Callable<T> read) {
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate();
        }
        try {
            return tenants.callAs(tenant, () -> QuarkusTransaction.requiringNew().call(read));
        } finally {
            if (activated) {
                requests.terminate();
            }
        }
    }

    private static String event(String tenant, String type, String subject, Map<String, Object> data) {
        return Envelopes.envelope("inventory-service", type, subject, tenant, data);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
