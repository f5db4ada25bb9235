package app.nozzly.printer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The served OpenAPI document says what the wire carries (every test's answers are also checked against it):
 * snake_case names, required fields and enums of the request bodies, 201/202 where those are answered, each
 * path's error family for every error status, and the bearer token.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class OpenApiDocumentTest {

    private static JsonNode document() throws Exception {
        return new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
    }

    @Test
    void everyPropertyIsNamedAsOnTheWire() throws Exception {
        JsonNode schemas = document().path("components").path("schemas");
        for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
            schema.getValue().path("properties").fieldNames().forEachRemaining(name -> assertThat(name)
                    .as(schema.getKey() + "." + name).matches("[a-z][a-z0-9_]*"));
        }
    }

    @Test
    void requestBodiesListTheirRequiredFieldsAndTheirWords() throws Exception {
        JsonNode schemas = document().path("components").path("schemas");
        assertThat(names(schemas.path("CreatePrinter").path("required")))
                .contains("id", "name", "type", "ip_address");
        assertThat(names(schemas.path("Schedule").path("required"))).contains("job_name", "file_name");
        assertThat(names(schemas.path("PrinterType").path("enum"))).containsExactly("bambu_lab", "prusa");
        assertThat(names(schemas.path("ScheduledPrintStatus").path("enum")))
                .contains("queued", "scheduled", "started", "completed", "failed");
        assertThat(schemas.path("Schedule").path("properties").path("priority").path("maximum").asInt())
                .isEqualTo(10);
        assertThat(schemas.path("CreatePrinter").path("properties").path("name").path("maxLength").asInt())
                .isEqualTo(200);
    }

    @Test
    void createsAndAcceptedCommandsAreDocumentedWithTheirStatus() throws Exception {
        JsonNode paths = document().path("paths");
        Map<String, String> created = Map.of(
                "/api/v1/printers", "201", "/api/bambu/printers", "201", "/api/bambu/scheduled-prints", "201",
                "/api/v1/files/{file_id}/upload", "201", "/api/v1/jobs", "202",
                "/api/v1/files/{file_id}/download", "202");
        created.forEach((path, status) -> {
            JsonNode responses = paths.path(path).path("post").path("responses");
            assertThat(responses.has(status)).as(path).isTrue();
            assertThat(responses.has("200")).as(path).isFalse();
            assertThat(responses.path(status).path("content").path("application/json").path("schema").isMissingNode())
                    .as(path).isFalse();
        });
        assertThat(paths.path("/api/v1/files/{file_id}/preview").path("get").path("responses").path("200")
                .path("content").has("image/png")).isTrue();
        assertThat(paths.path("/api/v1/jobs/{job_id}/cancel").path("post").path("responses").has("502")).isTrue();
        assertThat(paths.path("/api/v1/printers").path("post").path("responses").has("422")).isTrue();
    }

    @Test
    void eachPathDocumentsItsSpecsErrorBodyAndTheBearerToken() throws Exception {
        JsonNode document = document();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String family = path.getKey().startsWith("/api/bambu/") ? "ErrorMessageStatus" : "ErrorErrorObject";
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String where = operation.getKey() + " " + path.getKey();
                for (String status : List.of("400", "401", "403", "404", "409", "429", "500")) {
                    assertThat(operation.getValue().path("responses").path(status).path("content")
                            .path("application/json").path("schema").path("$ref").asText()).as(where + " " + status)
                            .isEqualTo("#/components/schemas/" + family);
                }
                if (path.getKey().equals("/api/v1/agents/enroll")) {
                    // an agent enrolls with its one-time code, before it has any token
                    assertThat(operation.getValue().path("security").toString()).as(where).doesNotContain("bearer");
                } else {
                    assertThat(operation.getValue().path("security").toString()).as(where).contains("bearer");
                }
            }
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(value -> names.add(value.asText()));
        return names;
    }
}
