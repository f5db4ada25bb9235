package app.nozzly.facilitysim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.hamcrest.Matcher;
import org.jose4j.jwt.JwtClaims;

import app.nozzly.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Sets up a game the way a teacher does, through the administration API, in a tenant of its own. */
final class Game {

    /** Catalog rows of V1__raw_material_catalog.sql used by the tests. */
    static final long WHEAT = 28;
    static final long RICE = 29;
    static final long IRON_ORE = 1;

    final String tenant = "school-" + UUID.randomUUID();
    private final AtomicInteger tiles = new AtomicInteger();

    String teacher() {
        return TestTokens.bearer(tenant, "teacher");
    }

    String student(String teamId) {
        return student(teamId, "student-" + teamId);
    }

    String student(String teamId, String subject) {
        JwtClaims claims = TestTokens.claims(tenant, new String[] { "student" }, 3600);
        claims.setClaim("team_id", teamId);
        claims.setSubject(subject);
        return "Bearer " + TestTokens.sign(claims);
    }

    RequestSpecification asTeacher() {
        return given().header("Authorization", teacher()).contentType(ContentType.JSON);
    }

    RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    String team(String name, String funds) {
        return asTeacher().body(Map.of("name", name, "funds", funds))
                .post("/api/facility/admin/teams").then().statusCode(201).extract().path("data.id");
    }

    String facility(String teamId, String type, String storage) {
        int tile = tiles.incrementAndGet();
        return asTeacher().body(Map.of("teamId", teamId, "name", type.toLowerCase() + "-" + tile, "type", type,
                "level", 2, "q", tile, "r", -tile, "storageCapacity", storage))
                .post("/api/facility/admin/facilities").then().statusCode(201).extract().path("data.id");
    }

    String provider(String teamId, String type, String unitPrice, String capacity) {
        int tile = tiles.incrementAndGet();
        return asTeacher().body(Map.of("teamId", teamId, "name", type.toLowerCase() + "-works-" + tile, "type", type,
                "level", 1, "q", tile, "r", -tile, "unitPrice", unitPrice, "capacity", capacity))
                .post("/api/facility/admin/facilities").then().statusCode(201).extract().path("data.id");
    }

    String connect(String facilityId, String providerId) {
        return asTeacher().body(Map.of("facilityId", facilityId, "providerId", providerId))
                .post("/api/facility/admin/connections").then().statusCode(201).extract().path("data.id");
    }

    JsonPath teamView(String teamId) {
        return asTeacher().get("/api/facility/admin/teams/" + teamId).then().statusCode(200).extract().jsonPath();
    }

    JsonPath facilityView(String facilityId) {
        return asTeacher().get("/api/facility/admin/facilities/" + facilityId).then().statusCode(200).extract()
                .jsonPath();
    }

    /** A team's FARM with a line from each of a utility team's WATER and POWER works. */
    record Farm(String team, String utility, String farm, String water, String power) {
    }

    /** Both works sell their resource at their price, up to the capacity. */
    Farm farm(String name, String funds, String storage, String waterPrice, String powerPrice, String capacity) {
        String team = team(name, funds);
        String utility = team("Utility Co", "0.00");
        String farm = facility(team, "FARM", storage);
        String water = provider(utility, "WATER", waterPrice, capacity);
        String power = provider(utility, "POWER", powerPrice, capacity);
        connect(farm, water);
        connect(farm, power);
        return new Farm(team, utility, farm, water, power);
    }

    /** The decimal by value, scale ignored ("10.60" matches 10.6). */
    static Matcher<BigDecimal> is(String value) {
        return comparesEqualTo(new BigDecimal(value));
    }

    static Map<String, Object> produce(String facilityId, long materialId, Object quantity) {
        return Map.of("facilityId", facilityId, "rawMaterialId", materialId, "quantity", quantity);
    }
}
