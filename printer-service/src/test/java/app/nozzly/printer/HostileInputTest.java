package app.nozzly.printer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Input no printer farm sends on purpose: NUL bytes, 100k-character strings, numbers and dates beyond what the
 * columns hold, identical creates at the same moment. Each answers 400 or 409 in the family's shape, never 500,
 * and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class HostileInputTest {

    private static final String AUTH = TestTokens.bearer("hostile", "admin");
    private static final String LONG = "x".repeat(100_000);

    private static Response post(String path, Object body) {
        return given().header("Authorization", AUTH).contentType(ContentType.JSON).body(body).post(path);
    }

    private static Response put(String path, Object body) {
        return given().header("Authorization", AUTH).contentType(ContentType.JSON).body(body).put(path);
    }

    private static String printer(String field, String json) {
        return "{\"id\": \"hostile_p\", \"name\": \"P\", \"type\": \"prusa\", \"ip_address\": \"127.0.0.1\", "
                + "\"password\": \"secret\", \"" + field + "\": " + json + "}";
    }

    private static void refused(Response answer, String what) {
        assertThat(answer.statusCode()).as(what).isEqualTo(400);
        assertThat(answer.asString()).as(what).doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void printersRefuseNulLongStringsAndNumbersBeyondTheirColumns() {
        refused(post("/api/v1/printers", printer("name", "\"A\\u0000B\"")), "NUL in name");
        refused(post("/api/v1/printers", printer("name", "\"" + LONG + "\"")), "100k name");
        refused(post("/api/v1/printers", printer("model", "\"" + "m".repeat(65) + "\"")), "model beyond varchar(64)");
        refused(post("/api/v1/printers", printer("port", "99999999999")), "port beyond an integer");
        refused(post("/api/v1/printers", printer("port", "70000")), "port beyond 65535");
        refused(post("/api/v1/printers", printer("port", "1e400")), "port of 1e400");
        refused(post("/api/v1/printers", printer("is_active", "\"yes\"")), "is_active not a boolean");
        refused(post("/api/v1/printers", printer("id", "\"" + "i".repeat(65) + "\"").replace(
                "\"id\": \"hostile_p\", ", "")), "id beyond varchar(64)");
        refused(post("/api/bambu/printers", Map.of("name", "B", "connection_type", "bambu_lan", "api_url",
                "http://" + "h".repeat(300), "access_code", "1")), "api_url beyond its host's column");
        refused(post("/api/bambu/printers", Map.of("name", LONG, "connection_type", "bambu_lan", "api_url",
                "http://127.0.0.1", "access_code", "1")), "100k specs/002 name");
        given().header("Authorization", AUTH).get("/api/v1/printers").then().statusCode(200)
                .body("total_count", equalTo(0));
    }

    @Test
    void theQueueJobsMaterialsAndNotificationsRefuseWhatTheyCannotHold() {
        refused(post("/api/bambu/scheduled-prints", Map.of("job_name", LONG, "file_name", "a.3mf")), "100k job_name");
        refused(post("/api/bambu/scheduled-prints", "{\"job_name\": \"J\", \"file_name\": \"a\\u0000.3mf\"}"),
                "NUL in file_name");
        refused(post("/api/bambu/scheduled-prints", "{\"job_name\": \"J\", \"file_name\": \"a.3mf\", "
                + "\"estimated_duration_minutes\": 3000000000}"), "minutes beyond an integer");
        refused(post("/api/bambu/scheduled-prints", "{\"job_name\": \"J\", \"file_name\": \"a.3mf\", "
                + "\"priority\": 1.5}"), "a fraction for an integer");
        given().header("Authorization", AUTH).get("/api/bambu/scheduled-prints").then().statusCode(200)
                .body("size()", equalTo(0));
        refused(put("/api/v1/jobs/1", "{\"material_cost\": 1e400}"), "a cost beyond a double");
        refused(put("/api/v1/jobs/1", Map.of("notes", LONG)), "100k notes");
        refused(put("/api/v1/jobs/1", Map.of("quality_metrics", Map.of("surface_finish", "superb"))), "a grade");
        refused(put("/api/bambu/materials/1", Map.of("remaining_pct", 101)), "remaining beyond 100 %");
        refused(put("/api/bambu/materials/1", Map.of("vendor", LONG)), "100k vendor");
        refused(put("/api/bambu/notifications/1", Map.of("webhook_url", "https://" + LONG)), "100k webhook_url");
        refused(put("/api/bambu/notifications/1", Map.of("webhook_secret", "short")), "a short secret");
    }

    @Test
    void datesBeyondWhatTheDatabaseHoldsAnswer400() {
        for (String date : List.of("+300000-01-01", "-5000-01-01", "+999999999-12-31")) {
            refused(given().header("Authorization", AUTH).queryParam("start_date", date).get("/api/v1/jobs"), date);
            refused(given().header("Authorization", AUTH).queryParam("end_date", date)
                    .get("/api/v1/statistics/overview"), date);
        }
    }

    @Test
    void sixIdenticalCreatesOfASpecs002PrinterMakeOneAndAnswer409ForTheRest() {
        List<Integer> statuses = atOnce(6, () -> post("/api/bambu/printers", Map.of("id", "raced_bambu", "name",
                "Raced", "connection_type", "bambu_lan", "api_url", "http://127.0.0.1:9", "access_code", "1"))
                .statusCode());
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        given().header("Authorization", AUTH).get("/api/bambu/printers").then()
                .body("findAll { it.id == 'raced_bambu' }.size()", equalTo(1));
        given().header("Authorization", AUTH).delete("/api/bambu/printers/raced_bambu").then().statusCode(200);
    }

    @Test
    void sixFirstReadsOfAPrintersNotificationSettingsAtOnceMakeThemOnce() {
        post("/api/v1/printers", printer("model", "\"MK4\"").replace("hostile_p", "hostile_n")).then()
                .statusCode(201);
        List<Integer> ids = atOnce(6, () -> given().header("Authorization", AUTH).queryParam("printer_id",
                "hostile_n").get("/api/bambu/notifications").then().statusCode(200).extract().path("id"));
        assertThat(ids).hasSize(6).containsOnly(ids.get(0));
        given().header("Authorization", AUTH).delete("/api/v1/printers/hostile_n").then().statusCode(200);
    }

    /** Runs the same request from {@code n} threads released together. */
    private static <T> List<T> atOnce(int n, Supplier<T> request) {
        CountDownLatch ready = new CountDownLatch(n);
        return IntStream.range(0, n).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            ready.countDown();
            try {
                ready.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return request.get();
        }, runnable -> new Thread(runnable).start())).toList().stream().map(CompletableFuture::join).toList();
    }
}
