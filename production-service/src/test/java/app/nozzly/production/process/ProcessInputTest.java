package app.nozzly.production.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.production.runs.InventoryServiceResource;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Input specs/001's clients may send that the service cannot store answers 400 VALIDATION_ERROR naming the field,
 * never a 5xx, and changes nothing: numbers and dates beyond their columns, NUL, texts longer than their columns,
 * unknown or camelCase properties, malformed parameters.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class ProcessInputTest {

    private static final String BASE = "/api/v1/production";

    private static Map<String, Object> station(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Estación Llenado", "type", "filling",
                "target_units_per_hour", 120, "maintenance_due", OffsetDateTime.now(ZoneOffset.UTC).plusDays(30)
                        .toString()));
        body.put(field, value);
        return body;
    }

    private static void refused(Response answer, String field) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("error.code")).isEqualTo("VALIDATION_ERROR");
        assertThat(answer.jsonPath().getList("error.details.fields.field", String.class)).as(answer.asString())
                .contains(field);
    }

    @Test
    void stationRatesAndDatesBeyondTheirColumnsAreRefusedAndNothingIsStored() {
        ProcessFixtures f = new ProcessFixtures();
        for (Object rate : List.of(new BigInteger("9223372036854775808"), 1234567890, 120.25)) {
            refused(f.api().body(station("target_units_per_hour", rate)).post(BASE + "/stations"),
                    "target_units_per_hour");
        }
        refused(f.api().body("{\"name\": \"E\", \"type\": \"filling\", \"target_units_per_hour\": 1e400,"
                + " \"maintenance_due\": \"2030-01-01T00:00:00Z\"}").post(BASE + "/stations"), "target_units_per_hour");
        for (String due : List.of("+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z")) {
            refused(f.api().body(station("maintenance_due", due)).post(BASE + "/stations"), "maintenance_due");
        }
        f.api().get(BASE + "/stations").then().statusCode(200).body("total", equalTo(0));

        String stationId = f.station();
        refused(f.api().body(Map.of("status", "running", "units_per_hour", 1e12))
                .put(BASE + "/stations/" + stationId + "/status"), "units_per_hour");
        refused(f.api().body(Map.of("status", "running", "units_per_hour", 999999999))
                .put(BASE + "/stations/" + stationId + "/status"), "units_per_hour");
        f.api().body(Map.of("status", "running", "units_produced", Integer.MAX_VALUE))
                .put(BASE + "/stations/" + stationId + "/status").then().statusCode(200);
        refused(f.api().body(Map.of("status", "running", "units_produced", 1))
                .put(BASE + "/stations/" + stationId + "/status"), "units_produced");
        f.api().get(BASE + "/stations/" + stationId).then().statusCode(200)
                .body("units_produced_today", equalTo(Integer.MAX_VALUE)).body("efficiency", ProcessFixtures.num(0));
    }

    @Test
    void orderQuantitiesAndQualityValuesBeyondTheirColumnsAreRefused() {
        ProcessFixtures f = new ProcessFixtures();
        String due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).toString();
        for (String quantity : List.of("9223372036854775808", "1e400", "1234567890", "1.0005", "-1")) {
            refused(f.api().body("{\"product_id\":\"" + UUID.randomUUID() + "\",\"quantity_ordered\":" + quantity
                    + ",\"priority\":\"normal\",\"due_date\":\"" + due + "\"}").post(BASE + "/orders"),
                    "quantity_ordered");
        }
        f.api().get(BASE + "/orders").then().statusCode(200).body("total", equalTo(0));

        Map<String, Object> metric = new HashMap<>(Map.of("batch_id", UUID.randomUUID().toString(), "test_type",
                "ph", "parameter_name", "pH", "target_value", 7.0, "tolerance_min", 6.8, "tolerance_max", 7.2,
                "unit", "pH", "test_method", "potenciómetro", "tested_by", "QFB Ana", "test_date", due));
        metric.put("measured_value", 1e308);
        refused(f.api().body(metric).post(BASE + "/quality-metrics"), "measured_value");
        metric.put("measured_value", 7.12345);
        refused(f.api().body(metric).post(BASE + "/quality-metrics"), "measured_value");
        f.api().get(BASE + "/quality-metrics").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void nulLongTextsAndStrayPropertiesAreRefusedNamingTheField() {
        ProcessFixtures f = new ProcessFixtures();
        refused(f.api().body(station("name", "x".repeat(100_000))).post(BASE + "/stations"), "name");
        refused(f.api().body(station("name", "Estación\u0000A")).post(BASE + "/stations"), "name");

        Map<String, Object> camel = station("name", "Estación");
        camel.put("targetUnitsPerHour", 120);
        Response answer = f.api().body(camel).post(BASE + "/stations");
        refused(answer, "targetUnitsPerHour");
        assertThat(answer.jsonPath().getString("error.message")).contains("unknown field")
                .contains("target_units_per_hour");
        refused(f.api().body(station("colour", "red")).post(BASE + "/stations"), "colour");
        f.api().get(BASE + "/stations").then().statusCode(200).body("total", equalTo(0));

        f.api().body("{\"status\": \"running\", \"status\": \"idle\"}")
                .put(BASE + "/stations/" + UUID.randomUUID() + "/status").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        f.api().body(Map.of("name", "Operador", "certifications", List.of(Map.of("type", "chemical_handling",
                "expires_at", "2030-01-01", "expiresAt", "2031-01-01")))).post(BASE + "/operators").then()
                .statusCode(400).body("error.details.fields.field", hasItem("certifications[0].expiresAt"));
        f.api().get(BASE + "/operators").then().body("total", equalTo(0));
    }

    @Test
    void malformedPathAndQueryValuesAre400NamingTheParameter() {
        ProcessFixtures f = new ProcessFixtures();
        f.api().get(BASE + "/reactors/not-a-uuid").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.message", containsString("reactorId"));
        f.api().get(BASE + "/batches?status=done").then().statusCode(400)
                .body("error.message", containsString("status"))
                .body("error.message", containsString("in_progress"));
        f.api().get(BASE + "/batches?limit=1000").then().statusCode(400)
                .body("error.details.fields.field", hasItem("limit"));
        f.api().get(BASE + "/batches?page=0").then().statusCode(400)
                .body("error.details.fields.field", hasItem("page"));
        f.api().get(BASE + "/batches?page=abc").then().statusCode(400)
                .body("error.message", containsString("page"));
        f.api().get(BASE + "/reactors?limit=many").then().statusCode(400)
                .body("error.message", containsString("limit"));
        f.api().get(BASE + "/quality-metrics?passed_only=maybe").then().statusCode(400)
                .body("error.message", containsString("passed_only"));
        f.api().get(BASE + "/orders?date_from=last-week").then().statusCode(400)
                .body("error.message", containsString("date_from"));
        f.api().queryParam("date_to", "+999999999-12-31T00:00:00Z").get(BASE + "/orders").then().statusCode(400)
                .body("error.message", containsString("date_to"));
        f.api().get(BASE + "/orders?customer_order_id=" + "c".repeat(300)).then().statusCode(400)
                .body("error.details.fields.field", hasItem("customer_order_id"));
        f.api().urlEncodingEnabled(false).get(BASE + "/recipes?name=a%00b").then().statusCode(400);
        f.api().urlEncodingEnabled(false).get(BASE + "/traceability/lots/LOT%00X").then().statusCode(400);
        f.api().get(BASE + "/orders?date_from=2024-03-15&date_to=2024-03-15").then().statusCode(200)
                .body("total", equalTo(0));
    }
}
