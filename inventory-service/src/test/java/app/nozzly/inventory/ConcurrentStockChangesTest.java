package app.nozzly.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import app.nozzly.testing.AtOnce;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Many clients changing the same stock at once (ARCHITECTURE "Stock correctness"): never negative, every accepted
 * change exactly one ledger row with its own balance, every refusal a 409 that changes nothing, no deadlock.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class ConcurrentStockChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tenant = Inventory.newTenant();

    @Test
    void fiftyParallelWithdrawalsFromASpoolHoldingThirtyAcceptThirtyAndRefuseTwenty() throws Exception {
        String spool = Inventory.spool(tenant, 30);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            bodies.add(movement("take-" + i, List.of(line(spool, "consumption", 1))));
        }

        List<HttpResponse<String>> answers = postAll("/api/v1/inventory/movements", bodies);

        Set<String> accepted = new HashSet<>();
        Set<BigDecimal> balances = new HashSet<>();
        int refused = 0;
        for (HttpResponse<String> answer : answers) {
            JsonNode body = JSON.readTree(answer.body());
            if (answer.statusCode() == 201) {
                accepted.add(body.path("id").asText());
                balances.add(body.path("lines").path(0).path("balance_after").decimalValue().stripTrailingZeros());
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
                assertThat(body.path("code").asText()).isEqualTo("INSUFFICIENT_STOCK");
                assertThat(body.path("lines").path(0).path("item_id").asText()).isEqualTo(spool);
                assertThat(body.path("lines").path(0).path("requested").decimalValue()).isEqualByComparingTo("1");
                assertThat(body.path("lines").path(0).path("available").decimalValue()).isEqualByComparingTo("0");
                refused++;
            }
        }
        assertThat(accepted).hasSize(30);
        assertThat(refused).isEqualTo(20);
        // each accepted withdrawal saw the stock the one before it left: balances 29, 28, ... 0, each once
        assertThat(balances).hasSize(30).allMatch(b -> b.signum() >= 0 && b.compareTo(new BigDecimal(29)) <= 0);
        BigDecimal[] stock = Inventory.stockAndLedger(tenant, spool);
        assertThat(stock[0]).isEqualByComparingTo("0");
        assertThat(stock[1]).isEqualByComparingTo(stock[0]);
        JsonNode rows = JSON.readTree(Inventory.as(tenant)
                .get("/api/v1/inventory/transactions?item_id=" + spool + "&kind=consumption&size=100").asString());
        assertThat(rows.path("total").asInt()).isEqualTo(30);
        Set<String> movements = new HashSet<>();
        rows.path("items").forEach(row -> movements.add(row.path("movement_id").asText()));
        assertThat(movements).isEqualTo(accepted);
    }

    @Test
    void movementsNamingTwoSpoolsInEitherOrderRunTogetherWithoutDeadlock() throws Exception {
        String first = Inventory.spool(tenant, 1000);
        String second = Inventory.spool(tenant, 1000);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bodies.add(i % 2 == 0 ? movement("pair-" + i, List.of(line(first, "consumption", 2), line(second, "waste", 3)))
                    : movement("pair-" + i, List.of(line(second, "consumption", 3), line(first, "waste", 2))));
        }

        List<HttpResponse<String>> answers = postAll("/api/v1/inventory/movements", bodies);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
        BigDecimal[] firstStock = Inventory.stockAndLedger(tenant, first);
        BigDecimal[] secondStock = Inventory.stockAndLedger(tenant, second);
        assertThat(firstStock[0]).isEqualByComparingTo("920");
        assertThat(firstStock[1]).isEqualByComparingTo("920");
        assertThat(secondStock[0]).isEqualByComparingTo("880");
        assertThat(secondStock[1]).isEqualByComparingTo("880");
    }

    @Test
    void aMovementRefusedOnItsSecondSpoolWhileOthersDrainItChangesNeitherSpool() throws Exception {
        String plenty = Inventory.spool(tenant, 1000);
        String scarce = Inventory.spool(tenant, 10);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bodies.add(movement("both-" + i, List.of(line(scarce, "consumption", 1), line(plenty, "consumption", 5))));
        }

        List<HttpResponse<String>> answers = postAll("/api/v1/inventory/movements", bodies);

        assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(10);
        assertThat(answers.stream().filter(a -> a.statusCode() == 409)).hasSize(10);
        assertThat(Inventory.stockAndLedger(tenant, scarce)[0]).isEqualByComparingTo("0");
        BigDecimal[] plentyStock = Inventory.stockAndLedger(tenant, plenty);
        assertThat(plentyStock[0]).isEqualByComparingTo("950");
        assertThat(plentyStock[1]).isEqualByComparingTo("950");
    }

    @Test
    void parallelReservationsNeverHoldMoreThanIsAvailable() throws Exception {
        String spool = Inventory.spool(tenant, 100);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bodies.add(JSON.writeValueAsString(Map.of("idempotency_key", "hold-" + i, "spool_id", spool, "grams", 10,
                    "cause", Map.of("type", "production_run", "id", "run-" + i))));
        }

        List<HttpResponse<String>> answers = postAll("/api/v1/inventory/reservations", bodies);

        assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(10);
        assertThat(answers).filteredOn(a -> a.statusCode() != 201)
                .allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409));
        Inventory.as(tenant).get("/api/v1/spools/" + spool).then().body("current_weight_grams", is(100))
                .body("reserved_grams", is(100)).body("available_grams", is(0));
        Inventory.as(tenant).body(movement("use-reserved", List.of(line(spool, "consumption", 1))))
                .post("/api/v1/inventory/movements").then().statusCode(409).body("lines[0].available", is(0));
    }

    @Test
    void parallelUsesOfAMaterialKeepItsLotsSummingToItsStock() throws Exception {
        String material = Inventory.admin(tenant).body(Map.of("code", "RESIN-" + tenant, "name", "Resin", "unit", "g",
                "lots", List.of(Map.of("lot_number", "OLD", "quantity", 10, "expires_at", "2027-01-31"),
                        Map.of("lot_number", "NEW", "quantity", 10))))
                .post("/api/v1/materials").then().statusCode(201).extract().path("id");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bodies.add(movement("resin-" + i, List.of(Map.of("item_type", "material", "item_id", material,
                    "kind", "consumption", "quantity", 1, "unit", "g"))));
        }

        List<HttpResponse<String>> answers = postAll("/api/v1/inventory/movements", bodies);

        assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(20);
        assertThat(answers.stream().filter(a -> a.statusCode() == 409)).hasSize(10);
        Inventory.as(tenant).get("/api/v1/materials/" + material).then().statusCode(200)
                .body("quantity_available", is(0)).body("lots.size()", is(0));
        assertThat(Inventory.stockAndLedger(tenant, material)[1]).isEqualByComparingTo("0");
        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + material + "&kind=consumption&size=50")
                .then().body("total", is(20));
    }

    private static Map<String, Object> line(String spool, String kind, double grams) {
        return Inventory.line("spool", spool, kind, grams, "g");
    }

    private static String movement(String key, List<Map<String, Object>> lines) throws Exception {
        return JSON.writeValueAsString(Map.of("idempotency_key", key,
                "cause", Map.of("type", "production_run", "id", key), "lines", lines));
    }

    /** Posts every body at the same moment, each from its own client, and returns the answers in the bodies' order. */
    private List<HttpResponse<String>> postAll(String path, List<String> bodies) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + RestAssured.port + path);
        String token = TestTokens.bearer(tenant, "operator");
        List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
        for (String body : bodies) {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            posts.add(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        return AtOnce.all(posts);
    }
}
