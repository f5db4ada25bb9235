package app.nozzly.ordersync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The served OpenAPI document is specs/002 as this service speaks it: snake_case names, the statuses' enums,
 * 201 for what creates, the required fields of requests, 502 where Etsy is called, specs/002's error body, and a
 * bearer token on everything but signing in. (Every test's answers are checked against it as well.)
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(EtsySimulatorResource.class)
class OpenApiDocumentTest {

    private static JsonPath document() {
        return new JsonPath(given().accept("application/json").get("/q/openapi?format=json").asString());
    }

    @Test
    void everyPropertyIsNamedAsOnTheWire() {
        Map<String, Map<String, Object>> schemas = document().getMap("components.schemas");
        List<String> camel = new ArrayList<>();
        schemas.forEach((name, schema) -> {
            if (schema.get("properties") instanceof Map<?, ?> properties) {
                properties.keySet().stream().map(String::valueOf).filter(p -> !p.equals(p.toLowerCase()))
                        .forEach(p -> camel.add(name + "." + p));
            }
        });
        assertThat(camel).isEmpty();
        assertThat(schemas.get("OrderView").toString()).contains("production_status", "etsy_order_id");
    }

    @Test
    void statusesAreEnumsCreatesAre201AndRequestsSayWhatIsRequired() {
        JsonPath openapi = document();
        assertThat(openapi.getList("components.schemas.OrderStatus.enum")).containsExactly("pending", "paid",
                "shipped", "completed", "cancelled", "refunded", "partially_refunded");
        assertThat(openapi.getList("components.schemas.ProductionStatus.enum")).contains("in_progress", "on_hold");
        assertThat(openapi.getList("components.schemas.Period.enum")).containsExactly("daily", "weekly", "monthly");
        for (String path : List.of("/api/orders/{id}/notes", "/api/orders/{id}/communications")) {
            assertThat(openapi.getMap("paths.'" + path + "'.post.responses")).as(path).containsKey("201")
                    .doesNotContainKey("200");
        }
        assertThat(openapi.getList("components.schemas.CommunicationRequest.required")).contains("message",
                "direction", "channel");
        assertThat(openapi.getList("components.schemas.CallbackRequest.required")).contains("code",
                "code_verifier");
        assertThat(openapi.getString("paths.'/api/orders'.get.parameters.find { it.name == 'limit' }.schema.maximum"))
                .isEqualTo("500");
    }

    @Test
    void errorsAreSpecs002BodiesAnd502IsDocumentedWhereEtsyIsCalled() {
        JsonPath openapi = document();
        assertThat(openapi.getMap("components.schemas.ErrorMessageStatus.properties")).containsOnlyKeys("error",
                "status");
        for (String status : List.of("400", "401", "403", "404", "409", "429", "500", "503")) {
            assertThat(openapi.getString("paths.'/api/orders/{id}'.put.responses.'" + status
                    + "'.content.'application/json'.schema.$ref")).as(status)
                    .isEqualTo("#/components/schemas/ErrorMessageStatus");
        }
        for (String path : List.of("paths.'/api/orders/sync'.post", "paths.'/api/auth/callback'.post")) {
            assertThat(openapi.getString(path + ".responses.'502'.content.'application/json'.schema.$ref")).as(path)
                    .isEqualTo("#/components/schemas/ErrorMessageStatus");
            assertThat(openapi.getMap(path + ".responses.'200'.content")).as(path).isNotEmpty();
        }
    }

    @Test
    void everyOperationButSigningInNeedsABearerToken() {
        Map<String, Map<String, Map<String, Object>>> paths = document().getMap("paths");
        for (Map.Entry<String, Map<String, Map<String, Object>>> path : paths.entrySet()) {
            if (path.getKey().startsWith("/api/test-only/")) {
                continue;
            }
            boolean signingIn = path.getKey().equals("/api/auth/login") || path.getKey().equals("/api/auth/callback");
            path.getValue().forEach((method, operation) -> assertThat(operation.get("security") != null)
                    .as(method + " " + path.getKey()).isEqualTo(!signingIn));
        }
    }
}
