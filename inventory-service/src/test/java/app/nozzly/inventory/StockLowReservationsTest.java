package app.nozzly.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 9 C3: inventory.stock.low says what open reservations hold on the item when it runs low. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class StockLowReservationsTest {

    private final String tenant = Inventory.newTenant();

    @Test
    void lowStockEventNamesTheOpenReservationsOnTheSpool() {
        String spool = Inventory.spool(tenant, 1000, 200.0);
        String held = reserve(spool, "low-r1", 150, "run-a", "PR-20261123-001");
        String released = reserve(spool, "low-r2", 20, "run-b", "PR-20261123-002");
        Inventory.as(tenant).post("/api/v1/inventory/reservations/" + released + "/release").then().statusCode(200);
        String unnamed = reserve(spool, "low-r3", 30, "run-c", null);

        Inventory.as(tenant).body(Inventory.movement("low-move", List.of(Inventory.line("spool", spool,
                "consumption", 800, "g")))).post("/api/v1/inventory/movements").then().statusCode(201);

        var low = KafkaTopics.await("inventory.stock",
                r -> spool.equals(r.key()) && r.value().contains("\"inventory.stock.low\""), 1, Duration.ofSeconds(30));
        JsonNode data = Inventory.json(low.get(0).value()).path("data");
        assertThat(data.path("current").decimalValue()).isEqualByComparingTo("200");
        assertThat(data.path("reserved").decimalValue()).isEqualByComparingTo("180");
        JsonNode reservations = data.path("reservations");
        assertThat(reservations).hasSize(2);
        assertThat(reservations.get(0).path("reservation_id").asText()).isEqualTo(held);
        assertThat(reservations.get(0).path("reference").asText()).isEqualTo("PR-20261123-001");
        assertThat(reservations.get(0).path("quantity").decimalValue()).isEqualByComparingTo("150");
        assertThat(reservations.get(1).path("reservation_id").asText()).isEqualTo(unnamed);
        // without a human reference the reserving cause's id names it
        assertThat(reservations.get(1).path("reference").asText()).isEqualTo("run-c");
    }

    @Test
    void lowStockWithoutReservationsSaysNothingIsReserved() {
        String spool = Inventory.spool(tenant, 500, 100.0);
        Inventory.as(tenant).body(Inventory.movement("low-free", List.of(Inventory.line("spool", spool,
                "consumption", 450, "g")))).post("/api/v1/inventory/movements").then().statusCode(201);
        var low = KafkaTopics.await("inventory.stock",
                r -> spool.equals(r.key()) && r.value().contains("\"inventory.stock.low\""), 1, Duration.ofSeconds(30));
        JsonNode data = Inventory.json(low.get(0).value()).path("data");
        assertThat(data.path("reserved").decimalValue()).isEqualByComparingTo("0");
        assertThat(data.path("reservations")).isEmpty();
    }

    private String reserve(String spool, String key, double grams, String runId, String runNumber) {
        Map<String, Object> cause = new java.util.HashMap<>(Map.of("type", "production_run", "id", runId));
        if (runNumber != null) {
            cause.put("ref", runNumber);
        }
        return Inventory.as(tenant).body(Map.of("idempotency_key", key, "spool_id", spool, "grams", grams, "cause",
                cause)).post("/api/v1/inventory/reservations").then().statusCode(201).extract().path("id");
    }
}
