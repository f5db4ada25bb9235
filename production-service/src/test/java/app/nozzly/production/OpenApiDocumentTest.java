package app.nozzly.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The served OpenAPI document says what the wire carries (every test's answers are checked against it; this names
 * what a client generator relies on): the success status of creates and deletes, each API's error bodies, 422 of
 * specs/001's rules, typed and bounded parameters, snake_case names with their required fields, the bearer token.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class OpenApiDocumentTest {

    private static JsonPath document() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath();
    }

    private static Map<String, Object> responses(JsonPath doc, String path, String method) {
        return doc.getMap("paths.'" + path + "'." + method + ".responses");
    }

    @Test
    void createsAnswer201DeletesAnswer204AndEachApiItsErrorBodies() {
        JsonPath doc = document();
        assertThat(responses(doc, "/api/v1/production-runs", "post")).containsKeys("201", "400", "401", "403", "409",
                "503").doesNotContainKey("200");
        assertThat(doc.getString("paths.'/api/v1/production-runs'.post.responses.'201'.content.'application/json'"
                + ".schema.'$ref'")).endsWith("/RunDetail");
        assertThat(responses(doc, "/api/v1/production-runs/{id}", "delete")).containsKey("204")
                .doesNotContainKey("200");
        assertThat(responses(doc, "/api/v1/production-runs/for-orders", "post")).containsKeys("201", "422");
        assertThat(doc.getMap("paths.'/api/v1/production-runs/{id}'.get.responses.'404'.content"))
                .containsOnlyKeys("application/problem+json");
        assertThat(responses(doc, "/api/v1/production/reactors/{reactorId}/start-batch", "post"))
                .containsKeys("201", "400", "404", "409", "422", "503").doesNotContainKey("200");
        String refused = doc.getString("paths.'/api/v1/production/reactors/{reactorId}/start-batch'.post"
                + ".responses.'422'.content.'application/json'.schema.'$ref'");
        assertThat(refused).startsWith("#/components/schemas/");
        assertThat(doc.getMap("components.schemas." + refused.substring(refused.lastIndexOf('/') + 1)
                + ".properties")).containsOnlyKeys("error");
        assertThat(doc.getMap("paths.'/api/v1/production/batches/{batchId}'.get.responses.'404'.content"))
                .containsOnlyKeys("application/json");
        assertThat(doc.getList("paths.'/api/v1/production/orders'.post.security")).isNotEmpty();
    }

    @Test
    void parametersAndBodiesAreTypedBoundedAndSnakeCase() {
        JsonPath doc = document();
        String list = "paths.'/api/v1/production-runs'.get.parameters";
        assertThat(doc.getList(list + ".name", String.class))
                .contains("status_filter", "start_date", "end_date", "skip", "limit");
        Map<String, Object> limit = doc.getMap(list + ".find { it.name == 'limit' }.schema");
        assertThat(limit).containsEntry("type", "integer").containsEntry("maximum", 1000);
        assertThat(doc.getList("components.schemas.RunStatus.enum", String.class))
                .containsExactly("in_progress", "completed", "failed", "cancelled");
        assertThat(doc.getMap("components.schemas.CreateStation.properties")).containsKeys("name", "type",
                "target_units_per_hour", "maintenance_due");
        assertThat(doc.getList("components.schemas.CreateStation.required", String.class))
                .contains("target_units_per_hour", "maintenance_due");
        assertThat(doc.getMap("components.schemas.RunDetail.properties")).containsKeys("run_number",
                "actual_total_filament_grams").doesNotContainKeys("runNumber");
    }
}
