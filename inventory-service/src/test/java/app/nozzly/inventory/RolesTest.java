package app.nozzly.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The role matrix of the README ("Roles"): viewers read, operators do stock work (spools, weighings, movements,
 * reservations, filaments; production-service calls with its operator's token), admins keep the catalogue
 * (material types, materials, products, models and their skus). Each role implies the ones below it.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class RolesTest {

    private record Endpoint(String method, String path, Object body, String leastRole) {

        Response call(String tenant, String... roles) {
            var request = Inventory.as(tenant, roles);
            if (body != null) {
                request.body(body);
            }
            return request.request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String ID = UUID.randomUUID().toString();
    private static final Map<String, Object> NO_FIELDS = Map.of();

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/spools", null, "viewer"),
            new Endpoint("GET", "/api/v1/spools/" + ID, null, "viewer"),
            new Endpoint("GET", "/api/v1/material-types", null, "viewer"),
            new Endpoint("GET", "/api/v1/material-types/" + ID, null, "viewer"),
            new Endpoint("GET", "/api/v1/materials", null, "viewer"),
            new Endpoint("GET", "/api/v1/materials/" + ID, null, "viewer"),
            new Endpoint("GET", "/api/v1/products", null, "viewer"),
            new Endpoint("GET", "/api/v1/products/" + ID, null, "viewer"),
            new Endpoint("GET", "/api/v1/models", null, "viewer"),
            new Endpoint("GET", "/api/v1/models/" + ID, null, "viewer"),
            new Endpoint("GET", "/api/v1/models/by-sku/SKU-1", null, "viewer"),
            new Endpoint("GET", "/api/v1/models/unmapped-skus", null, "viewer"),
            new Endpoint("GET", "/api/v1/inventory/reservations", null, "viewer"),
            new Endpoint("GET", "/api/v1/inventory/reservations/" + ID, null, "viewer"),
            new Endpoint("GET", "/api/v1/inventory/transactions", null, "viewer"),
            new Endpoint("GET", "/api/v1/inventory/stock/" + ID, null, "viewer"),
            new Endpoint("GET", "/api/filaments", null, "viewer"),
            new Endpoint("GET", "/api/filaments/" + ID, null, "viewer"),

            new Endpoint("POST", "/api/v1/spools", NO_FIELDS, "operator"),
            new Endpoint("PATCH", "/api/v1/spools/" + ID, NO_FIELDS, "operator"),
            new Endpoint("DELETE", "/api/v1/spools/" + ID, null, "operator"),
            new Endpoint("POST", "/api/v1/spools/" + ID + "/weighings", Map.of("gross_weight_grams", 500), "operator"),
            new Endpoint("POST", "/api/v1/inventory/movements", NO_FIELDS, "operator"),
            new Endpoint("POST", "/api/v1/inventory/reservations", NO_FIELDS, "operator"),
            new Endpoint("PATCH", "/api/v1/inventory/reservations/" + ID, Map.of("grams", 5), "operator"),
            new Endpoint("POST", "/api/v1/inventory/reservations/" + ID + "/release", null, "operator"),
            new Endpoint("POST", "/api/filaments", NO_FIELDS, "operator"),
            new Endpoint("PUT", "/api/filaments/" + ID, NO_FIELDS, "operator"),
            new Endpoint("DELETE", "/api/filaments/" + ID, null, "operator"),

            new Endpoint("POST", "/api/v1/material-types", NO_FIELDS, "admin"),
            new Endpoint("PATCH", "/api/v1/material-types/" + ID, NO_FIELDS, "admin"),
            new Endpoint("DELETE", "/api/v1/material-types/" + ID, null, "admin"),
            new Endpoint("POST", "/api/v1/materials", NO_FIELDS, "admin"),
            new Endpoint("PATCH", "/api/v1/materials/" + ID, NO_FIELDS, "admin"),
            new Endpoint("POST", "/api/v1/products", NO_FIELDS, "admin"),
            new Endpoint("PATCH", "/api/v1/products/" + ID, NO_FIELDS, "admin"),
            new Endpoint("POST", "/api/v1/models", NO_FIELDS, "admin"),
            new Endpoint("PATCH", "/api/v1/models/" + ID, NO_FIELDS, "admin"),
            new Endpoint("POST", "/api/v1/models/" + ID + "/skus", Map.of("sku", "SKU-2"), "admin"),
            new Endpoint("DELETE", "/api/v1/models/" + ID + "/skus/SKU-2", null, "admin"));

    private static final List<String> ROLES = List.of("viewer", "operator", "admin");

    private final String tenant = Inventory.newTenant();

    @Test
    void aTokenWithoutRolesIsRefusedEverything() {
        for (Endpoint endpoint : ENDPOINTS) {
            assertThat(endpoint.call(tenant).statusCode()).as(endpoint.toString()).isEqualTo(403);
        }
    }

    @Test
    void eachRoleIsRefusedWhatNeedsAHigherOneAndAllowedTheRest() {
        for (Endpoint endpoint : ENDPOINTS) {
            for (String role : ROLES) {
                Response answer = endpoint.call(tenant, role);
                if (ROLES.indexOf(role) < ROLES.indexOf(endpoint.leastRole())) {
                    assertThat(answer.statusCode()).as(role + " " + endpoint).isEqualTo(403);
                } else {
                    assertThat(answer.statusCode()).as(role + " " + endpoint + ": " + answer.asString())
                            .isNotIn(401, 403).isLessThan(500);
                }
            }
        }
    }

    @Test
    void theOwnerMayDoEverything() {
        for (Endpoint endpoint : ENDPOINTS) {
            assertThat(endpoint.call(tenant, "owner").statusCode()).as(endpoint.toString()).isNotIn(401, 403)
                    .isLessThan(500);
        }
    }

    @Test
    void anOperatorRunningProductionReservesMovesAndReleasesStock() {
        String spool = Inventory.spool(tenant, 1000);
        String reservation = Inventory.as(tenant, "operator").body(Map.of("idempotency_key", "run-1-mat-1",
                "spool_id", spool, "grams", 200, "cause", Map.of("type", "production_run", "id", "run-1")))
                .post("/api/v1/inventory/reservations").then().statusCode(201).extract().path("id");
        Inventory.as(tenant, "operator").body(Map.of("grams", 150))
                .patch("/api/v1/inventory/reservations/" + reservation).then().statusCode(200);
        Map<String, Object> line = new java.util.HashMap<>(Inventory.line("spool", spool, "consumption", 140, "g"));
        line.put("reservation_id", reservation);
        Inventory.as(tenant, "operator").body(Inventory.movement("run-1-complete", List.of(line)))
                .post("/api/v1/inventory/movements").then().statusCode(201);
        Inventory.as(tenant, "viewer").get("/api/v1/spools/" + spool).then().statusCode(200)
                .body("current_weight_grams", org.hamcrest.Matchers.is(860))
                .body("reserved_grams", org.hamcrest.Matchers.is(0));
    }
}
