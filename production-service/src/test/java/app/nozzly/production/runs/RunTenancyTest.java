package app.nozzly.production.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.AtOnce;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A run number a client chooses (specs/000 run_number) is unique per tenant, never across tenants. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class RunTenancyTest {

    private static final String RUNS = "/api/v1/production-runs";

    @Test
    void twoTenantsUseOneRunNumberAndEachSeesChangesAndDeletesOnlyItsOwn() {
        RunsApi a = new RunsApi();
        RunsApi b = new RunsApi();
        String runA = create(a, "SHARED-001", "of a");
        String runB = create(b, "SHARED-001", "of b");
        assertThat(runA).isNotEqualTo(runB);

        a.api().get(RUNS).then().body("total", equalTo(1)).body("runs[0].id", equalTo(runA));
        b.api().get(RUNS).then().body("total", equalTo(1)).body("runs[0].id", equalTo(runB));
        a.api().get(RUNS + "/" + runB).then().statusCode(404);

        a.api().body(Map.of("notes", "changed by a")).patch(RUNS + "/" + runA).then().statusCode(200);
        a.api().body(Map.of("notes", "changed by a")).patch(RUNS + "/" + runB).then().statusCode(404);
        b.api().get(RUNS + "/" + runB).then().statusCode(200).body("notes", equalTo("of b"));

        a.api().delete(RUNS + "/" + runA).then().statusCode(204);
        b.api().get(RUNS + "/" + runB).then().statusCode(200).body("run_number", equalTo("SHARED-001"));
        create(a, "SHARED-001", "again");
        a.api().body(body("SHARED-001", "twice")).post(RUNS).then().statusCode(409);
        b.api().get(RUNS).then().body("total", equalTo(1));
    }

    @Test
    void sixIdenticalCreatesAtOnceMakeOneRunAndFiveConflicts() throws Exception {
        RunsApi a = new RunsApi();
        List<Integer> statuses = AtOnce.times(6,
                () -> a.api().body(body("SAME-001", "at once")).post(RUNS).statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409);
        a.api().get(RUNS).then().body("total", equalTo(1)).body("runs[0].run_number", equalTo("SAME-001"));
    }

    private static String create(RunsApi tenant, String runNumber, String notes) {
        return tenant.api().body(body(runNumber, notes)).post(RUNS).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> body(String runNumber, String notes) {
        return Map.of("run_number", runNumber, "notes", notes, "items", List.of(), "materials", List.of());
    }
}
