package app.nozzly.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The first proof: concurrent deductions never oversell a spool and the ledger always adds up. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class ConcurrentDeductionTest {

    @Test
    void twoHundredConcurrentDeductionsOfSevenGramsTakeExactlyWhatFitsFromAThousandGramSpool() throws Exception {
        String tenant = Inventory.newTenant();
        String spoolId = Inventory.spool(tenant, 1000);
        String token = TestTokens.bearer(tenant, "operator");
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/v1/inventory/movements");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                String body = """
                        {"idempotency_key":"deduct-%d","cause":{"type":"plate","id":"plate-%d"},
                         "lines":[{"item_type":"spool","item_id":"%s","kind":"consumption","quantity":7,"unit":"g"}]}
                        """.formatted(i, i, spoolId);
                HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                answers.add(pool.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofString())));
            }
            int created = 0;
            int insufficient = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 201) {
                    created++;
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                    assertThat(response.body()).contains("insufficient-stock").contains(spoolId);
                    insufficient++;
                }
            }
            assertThat(created).isEqualTo(142); // 142 x 7 g = 994 g; the 143rd would need 1001 g
            assertThat(insufficient).isEqualTo(58);
        } finally {
            pool.shutdownNow();
        }
        BigDecimal[] stock = Inventory.stockAndLedger(tenant, spoolId);
        assertThat(stock[0]).isEqualByComparingTo("6");
        assertThat(stock[1]).isEqualByComparingTo(stock[0]);
        Inventory.as(tenant).get("/api/v1/inventory/transactions?item_id=" + spoolId + "&kind=consumption&size=1")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.is(142));
    }
}
