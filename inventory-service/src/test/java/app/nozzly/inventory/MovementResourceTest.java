package app.nozzly.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import app.nozzly.testing.AtOnce;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfra;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** POST /api/v1/inventory/movements and the ledger behind it (module README, "API for other services"). */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class MovementResourceTest {

    private final String tenant = Inventory.newTenant();

    @Test
    void retriedDeductionWithTheSameIdempotencyKeyMovesStockOnce() {
        String spool = Inventory.spool(tenant, 1000);
        var request = Inventory.movement("run-42-complete",
                List.of(Inventory.line("spool", spool, "consumption", 120, "g")));

        String first = Inventory.as(tenant).body(request).post("/api/v1/inventory/movements")
                .then().statusCode(201).body("lines[0].balance_after", is(880)).extract().asString();
        String retry = Inventory.as(tenant).body(request).post("/api/v1/inventory/movements")
                .then().statusCode(200).extract().asString();

        assertThat(retry).isEqualTo(first);
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("current_weight_grams", is(880));
        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + spool + "&kind=consumption")
                .then().body("total", is(1));
    }

    @Test
    void concurrentDuplicatesOfOneKeyAllGetTheFirstAnswerAndMoveStockOnce() throws Exception {
        String spool = Inventory.spool(tenant, 1000);
        var request = Inventory.movement("run-43-complete",
                List.of(Inventory.line("spool", spool, "consumption", 100, "g")));
        List<Response> answers = AtOnce.times(8,
                () -> Inventory.as(tenant).body(request).post("/api/v1/inventory/movements").andReturn());
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        List<String> bodies = answers.stream().map(Response::asString).toList();
        assertThat(statuses).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
        assertThat(bodies).allMatch(b -> b.equals(bodies.get(0)));
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("current_weight_grams", is(900));
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefused() {
        String spool = Inventory.spool(tenant, 1000);
        Inventory.as(tenant).body(Inventory.movement("order-7", List.of(Inventory.line("spool", spool, "waste", 5,
                "g")))).post("/api/v1/inventory/movements").then().statusCode(201);
        Inventory.as(tenant).body(Inventory.movement("order-7", List.of(Inventory.line("spool", spool, "waste", 6,
                "g")))).post("/api/v1/inventory/movements")
                .then().statusCode(422).contentType("application/problem+json");
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("current_weight_grams", is(995));
    }

    @Test
    void aMovementIsAllOrNothingAndNamesTheLinesThatLackStock() {
        String plenty = Inventory.spool(tenant, 100);
        String scarce = Inventory.spool(tenant, 50);
        var request = Inventory.movement("run-44-complete", List.of(
                Inventory.line("spool", plenty, "consumption", 80, "g"),
                Inventory.line("spool", scarce, "consumption", 60, "g")));

        Inventory.as(tenant).body(request).post("/api/v1/inventory/movements").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://api.nozzly.app/problems/insufficient-stock"))
                .body("title", equalTo("Conflict")).body("code", equalTo("INSUFFICIENT_STOCK"))
                .body("status", is(409))
                .body("detail", containsString(scarce))
                .body("lines", hasSize(1))
                .body("lines[0].item_id", equalTo(scarce))
                .body("lines[0].requested", is(60))
                .body("lines[0].available", is(50));

        Inventory.as(tenant).get("/api/v1/spools/" + plenty).then().body("current_weight_grams", is(100));
        Inventory.as(tenant).get("/api/v1/spools/" + scarce).then().body("current_weight_grams", is(50));
        // the refused request left no key behind: the corrected retry is a first answer
        Inventory.as(tenant).body(Inventory.movement("run-44-complete", List.of(
                Inventory.line("spool", plenty, "consumption", 80, "g"),
                Inventory.line("spool", scarce, "consumption", 50, "g"))))
                .post("/api/v1/inventory/movements").then().statusCode(201);
        assertThat(Inventory.stockAndLedger(tenant, scarce)).allSatisfy(v -> assertThat(v).isEqualByComparingTo("0"));
    }

    @Test
    void anUnknownItemAnswers404AndMovesNothing() {
        String spool = Inventory.spool(tenant, 100);
        Inventory.as(tenant).body(Inventory.movement("k-404", List.of(
                Inventory.line("spool", spool, "consumption", 10, "g"),
                Inventory.line("spool", java.util.UUID.randomUUID().toString(), "consumption", 10, "g"))))
                .post("/api/v1/inventory/movements").then().statusCode(404).contentType("application/problem+json");
        Inventory.as(tenant).body(Inventory.movement("k-404b", List.of(
                Inventory.line("material", spool, "consumption", 10, "g"))))
                .post("/api/v1/inventory/movements").then().statusCode(404);
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("current_weight_grams", is(100));
    }

    @Test
    void invalidLinesAreRefusedWithAClearMessage() {
        String spool = Inventory.spool(tenant, 100);
        Inventory.as(tenant).body(Inventory.movement("bad-1", List.of(Inventory.line("spool", spool, "consumption", 0,
                "g")))).post("/api/v1/inventory/movements").then().statusCode(400)
                .body("detail", containsString("quantity"));
        Inventory.as(tenant).body(Inventory.movement("bad-2", List.of(Inventory.line("spool", spool, "borrow", 1,
                "g")))).post("/api/v1/inventory/movements").then().statusCode(400)
                .body("detail", containsString("kind"));
        Inventory.as(tenant).body(Inventory.movement("bad-3", List.of(Inventory.line("spool", spool, "adjustment", 1,
                "g")))).post("/api/v1/inventory/movements").then().statusCode(400)
                .body("detail", containsString("direction"));
        Inventory.as(tenant).body(Inventory.movement("bad-4", List.of(Inventory.line("spool", spool, "consumption", 1,
                "ml")))).post("/api/v1/inventory/movements").then().statusCode(422);
        Inventory.as(tenant).body(Map.of("idempotency_key", "bad-5", "lines", List.of()))
                .post("/api/v1/inventory/movements").then().statusCode(400);
        Inventory.as(tenant).body("{not json").post("/api/v1/inventory/movements").then().statusCode(400);
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("current_weight_grams", is(100));
    }

    @Test
    void adjustmentsAndKilogramsMoveTheRightWay() {
        String spool = Inventory.spool(tenant, 1000);
        Map<String, Object> out = new java.util.HashMap<>(Inventory.line("spool", spool, "adjustment", 0.25, "kg"));
        out.put("direction", "out");
        Inventory.as(tenant).body(Inventory.movement("adj-1", List.of(out))).post("/api/v1/inventory/movements")
                .then().statusCode(201).body("lines[0].quantity", is(250)).body("lines[0].unit", equalTo("g"))
                .body("lines[0].balance_after", is(750));
        Inventory.as(tenant).body(Inventory.movement("adj-2", List.of(Inventory.line("spool", spool, "reversal", 50,
                "g")))).post("/api/v1/inventory/movements").then().statusCode(201)
                .body("lines[0].balance_after", is(800));
    }

    @Test
    void materialsAreTakenFromLotsFirstExpiryFirstOut() {
        String material = Inventory.admin(tenant).body(Map.of("code", "GLY-01", "name", "Glycerin", "unit", "g",
                "lots", List.of(
                        Map.of("lot_number", "A", "quantity", 500, "expires_at", "2027-01-31"),
                        Map.of("lot_number", "B", "quantity", 300, "expires_at", "2026-12-31"),
                        Map.of("lot_number", "C", "quantity", 1000))))
                .post("/api/v1/materials").then().statusCode(201)
                .body("quantity_available", is(1800)).extract().path("id");

        Map<String, Object> start = Map.of("idempotency_key", "batch-9-start",
                "cause", Map.of("type", "batch", "id", "batch-9", "ref", "LOT-2025-009"),
                "lines", List.of(Inventory.line("material", material, "consumption", 1, "kg"),
                        Inventory.line("material", material, "waste", 50, "g")));
        String first = Inventory.as(tenant).body(start).post("/api/v1/inventory/movements").then().statusCode(201)
                .body("lines[0].quantity", is(1000))
                .body("lines[0].lots.lot_number", contains("B", "A", "C"))
                .body("lines[0].lots.quantity", contains(300, 500, 200)).body("lines[0].balance_after", is(800))
                .body("lines[1].lots.lot_number", contains("C")).body("lines[1].lots.quantity", contains(50))
                .body("lines[1].balance_after", is(750)).extract().asString();
        assertThat(Inventory.as(tenant).body(start).post("/api/v1/inventory/movements").then().statusCode(200)
                .extract().asString()).isEqualTo(first);

        Inventory.as(tenant).get("/api/v1/materials/" + material).then().statusCode(200)
                .body("unit", equalTo("g")).body("quantity_available", is(750))
                .body("lots.lot_number", contains("C")).body("lots[0].quantity", is(750));
        Inventory.as(tenant).get("/api/v1/inventory/transactions?cause_type=batch&cause_id=batch-9")
                .then().body("total", is(4)).body("items.lot_number", contains("B", "A", "C", "C"));
        assertThat(Inventory.stockAndLedger(tenant, material)[1]).isEqualByComparingTo("750");
    }

    @Test
    void productionOutputAddsWholeFinishedUnitsOfAModel() {
        String model = Inventory.admin(tenant).body(Map.of("name", "Dragon Miniature", "sku", "MDL-DRAGON-" + tenant,
                "estimated_grams_per_unit", 37.5, "estimated_print_minutes_per_unit", 95))
                .post("/api/v1/models").then().statusCode(201).body("finished_stock_units", is(0)).extract().path("id");
        Inventory.as(tenant).body(Map.of("idempotency_key", "plate-1-done", "cause", Map.of("type", "plate", "id",
                "plate-1"), "lines", List.of(Inventory.line("model", model, "production_output", 4, "units"))))
                .post("/api/v1/inventory/movements").then().statusCode(201);
        Inventory.as(tenant).body(Map.of("idempotency_key", "plate-2-done", "cause", Map.of("type", "plate", "id",
                "plate-2"), "lines", List.of(Inventory.line("model", model, "production_output", 1.5, "units"))))
                .post("/api/v1/inventory/movements").then().statusCode(422);
        Inventory.as(tenant).get("/api/v1/models/" + model).then().body("finished_stock_units", is(4));
    }

    @Test
    void everyMovementIsPublishedOnTheStockTopic() {
        String spool = Inventory.spool(tenant, 500);
        String movementId = Inventory.as(tenant).body(Inventory.movement("evt-1", List.of(
                Inventory.line("spool", spool, "waste", 12.5, "g")))).post("/api/v1/inventory/movements")
                .then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> events = KafkaTopics.await("inventory.stock",
                r -> spool.equals(r.key()) && r.value().contains(movementId), 1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        JsonNode event = Inventory.json(events.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("inventory.stock.moved");
        assertThat(event.path("tenant").asText()).isEqualTo(tenant);
        assertThat(event.path("subject").asText()).isEqualTo(spool);
        JsonNode data = event.path("data");
        assertThat(data.path("item_type").asText()).isEqualTo("spool");
        assertThat(data.path("item_id").asText()).isEqualTo(spool);
        assertThat(data.path("kind").asText()).isEqualTo("waste");
        assertThat(data.path("quantity").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(data.path("balance_after").decimalValue()).isEqualByComparingTo("487.5");
        assertThat(data.path("unit").asText()).isEqualTo("g");
        assertThat(data.path("cause").path("type").asText()).isEqualTo("production_run");
        assertThat(data.path("cause").path("id").asText()).isEqualTo("run-1");
    }

    @Test
    void eachLineOfAMovementCarriesTheBalanceAfterItInTheAnswerTheLedgerAndItsEvent() {
        String spool = Inventory.spool(tenant, 1000);
        String other = Inventory.spool(tenant, 200);
        var request = Inventory.movement("lines-1", List.of(
                Inventory.line("spool", spool, "consumption", 100, "g"),
                Inventory.line("spool", other, "receipt", 0.25, "kg"),
                Inventory.line("spool", spool, "reversal", 30, "g"),
                Inventory.line("spool", spool, "waste", 12.5, "g")));
        String first = Inventory.as(tenant).body(request).post("/api/v1/inventory/movements")
                .then().statusCode(201).body("lines.balance_after", contains(900, 450, 930, 917.5f))
                .extract().asString();
        assertThat(Inventory.as(tenant).body(request).post("/api/v1/inventory/movements").then().statusCode(200)
                .extract().asString()).isEqualTo(first);
        String movementId = Inventory.json(first).path("id").asText();

        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + spool + "&cause_id=run-1")
                .then().body("total", is(3))
                .body("items.find { it.kind == 'consumption' }.balance_after", is(900))
                .body("items.find { it.kind == 'reversal' }.balance_after", is(930))
                .body("items.find { it.kind == 'waste' }.balance_after", is(917.5f));
        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + other + "&cause_id=run-1")
                .then().body("total", is(1)).body("items[0].quantity", is(250)).body("items[0].balance_after", is(450));
        assertThat(Inventory.stockAndLedger(tenant, spool)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("917.5"), new BigDecimal("917.5"));

        List<ConsumerRecord<String, String>> events = KafkaTopics.await("inventory.stock",
                r -> r.value().contains(movementId), 4, Duration.ofSeconds(30));
        assertThat(events).extracting(r -> {
            JsonNode data = Inventory.json(r.value()).path("data");
            return r.key() + " " + data.path("kind").asText() + " " + data.path("signed_quantity").decimalValue()
                    .toPlainString() + " " + data.path("balance_after").decimalValue().toPlainString();
        }).containsExactlyInAnyOrder(spool + " consumption -100 900", other + " receipt 250 450",
                spool + " reversal 30 930", spool + " waste -12.5 917.5");
        assertThat(events.stream().filter(r -> spool.equals(r.key())).map(r -> Inventory.json(r.value())
                .path("data").path("kind").asText())).containsExactly("consumption", "reversal", "waste");
    }

    @Test
    void theLedgerIsAppendOnly() throws SQLException {
        String spool = Inventory.spool(tenant, 100);
        try (Connection db = DriverManager.getConnection(PlatformInfra.get().jdbcUrl("inventory"), "postgres",
                "postgres"); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update stock_transaction set signed_quantity = 5000"
                    + " where item_id = '" + spool + "'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("delete from stock_transaction where item_id = '" + spool + "'"))
                    .hasMessageContaining("append-only");
        }
        assertThat(Inventory.stockAndLedger(tenant, spool)[1]).isEqualByComparingTo("100");
    }

    @Test
    void aCommitTheDatabaseRefusesAnswers503AndTheRetryWithTheSameKeyMovesStockOnce() throws SQLException {
        String spool = Inventory.spool(tenant, 1000);
        var request = Inventory.movement("commit-lost-" + spool,
                List.of(Inventory.line("spool", spool, "consumption", 40, "g")));
        // Postgres shutting down between the last statement and the commit: the commit itself fails (57P01)
        try (Connection db = DriverManager.getConnection(PlatformInfra.get().jdbcUrl("inventory"), "postgres",
                "postgres"); Statement sql = db.createStatement()) {
            sql.execute("create function inventory.refuse_commit() returns trigger language plpgsql as $$ begin"
                    + " if new.idempotency_key = 'commit-lost-" + spool + "' then raise exception 'terminating"
                    + " connection due to administrator command' using errcode = '57P01'; end if; return new; end $$");
            sql.execute("create constraint trigger refuse_commit after insert on inventory.stock_movement"
                    + " deferrable initially deferred for each row execute function inventory.refuse_commit()");
            try {
                Inventory.as(tenant).body(request).post("/api/v1/inventory/movements").then().statusCode(503)
                        .header("Retry-After", notNullValue()).body("status", is(503));
            } finally {
                sql.execute("drop trigger refuse_commit on inventory.stock_movement");
                sql.execute("drop function inventory.refuse_commit()");
            }
        }
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("current_weight_grams", is(1000));
        Inventory.as(tenant).body(request).post("/api/v1/inventory/movements").then().statusCode(201)
                .body("lines[0].balance_after", is(960));
        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + spool + "&kind=consumption")
                .then().body("total", is(1));
    }

    @Test
    void theLedgerFiltersByItemKindCauseAndDateAndExportsCsv() {
        String spool = Inventory.spool(tenant, 1000);
        Inventory.as(tenant).body(Map.of("idempotency_key", "o-1", "cause", Map.of("type", "order", "id", "order-77",
                "ref", "Etsy #77, \"gift\""), "lines", List.of(Inventory.line("spool", spool, "consumption", 10, "g"))))
                .post("/api/v1/inventory/movements").then().statusCode(201);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + spool + "&from=" + today + "&to=" + today)
                .then().statusCode(200).body("total", is(2)).body("page", is(1)).body("size", is(50))
                .body("items.kind", contains("receipt", "consumption"))
                .body("items.signed_quantity", contains(1000, -10));
        Inventory.as(tenant).get("/api/v1/inventory/transactions?cause_type=order&cause_id=order-77")
                .then().body("total", is(1)).body("items[0].cause.ref", equalTo("Etsy #77, \"gift\""))
                .body("items[0].balance_after", is(990));
        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + spool + "&to=2020-01-01")
                .then().body("total", is(0));
        Inventory.as(tenant).get("/api/v1/inventory/transactions?kind=stolen").then().statusCode(400);
        Inventory.as(tenant).get("/api/v1/inventory/transactions?from=yesterday").then().statusCode(400);

        String csv = Inventory.as(tenant).accept("text/csv").get("/api/v1/inventory/transactions?item_id=" + spool)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] rows = csv.split("\n");
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).startsWith("id,created_at,movement_id,item_type,item_id,kind,quantity");
        assertThat(rows[2]).contains(",consumption,10,-10,g,990,").contains("\"Etsy #77, \"\"gift\"\"\"");
    }

    @Test
    void theLedgerAnswersTheTypeTheClientPrefers() {
        String tenant = Inventory.newTenant();
        String spool = Inventory.spool(tenant, 500);
        String ledger = "/api/v1/inventory/transactions?item_id=" + spool;
        Inventory.as(tenant).accept("application/json, text/csv, application/problem+json").get(ledger).then()
                .statusCode(200).contentType(startsWith("application/json")).body("items", hasSize(1));
        Inventory.as(tenant).accept("text/csv;q=0.9, application/json;q=0.5").get(ledger).then().statusCode(200)
                .contentType(startsWith("text/csv"));
        Inventory.as(tenant).accept("text/csv").get(ledger + "&format=json").then().statusCode(200)
                .contentType(startsWith("application/json"));
    }
}
