package app.nozzly.printer.support;

import static io.restassured.RestAssured.given;

import java.util.List;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every endpoint of printer-service with the least role it needs (the README's role matrix). */
public final class Endpoints {

    /** One endpoint: its method, a path with ids that exist nowhere, and its least role. */
    public record Endpoint(String method, String path, String leastRole) {

        public boolean writes() {
            return !method.equals("GET");
        }

        /** Calls it with the Authorization header when one is given; writes send an empty JSON object. */
        public Response call(String authorization) {
            RequestSpecification request = given();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (writes()) {
                request.contentType(ContentType.JSON).body("{}");
            }
            return request.request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public static final List<Endpoint> ALL = List.of(
            new Endpoint("GET", "/api/v1/health", "viewer"),
            new Endpoint("GET", "/api/v1/system/info", "viewer"),
            new Endpoint("GET", "/api/v1/printers", "viewer"),
            new Endpoint("GET", "/api/v1/printers/p-none", "viewer"),
            new Endpoint("POST", "/api/v1/printers", "admin"),
            new Endpoint("PUT", "/api/v1/printers/p-none", "admin"),
            new Endpoint("DELETE", "/api/v1/printers/p-none", "admin"),
            new Endpoint("GET", "/api/v1/jobs", "viewer"),
            new Endpoint("POST", "/api/v1/jobs", "operator"),
            new Endpoint("GET", "/api/v1/jobs/987654", "viewer"),
            new Endpoint("PUT", "/api/v1/jobs/987654", "operator"),
            new Endpoint("POST", "/api/v1/jobs/987654/cancel", "operator"),
            new Endpoint("POST", "/api/v1/jobs/987654/pause", "operator"),
            new Endpoint("POST", "/api/v1/jobs/987654/resume", "operator"),
            new Endpoint("GET", "/api/v1/files", "viewer"),
            new Endpoint("GET", "/api/v1/files/f-none", "viewer"),
            new Endpoint("GET", "/api/v1/files/f-none/preview", "viewer"),
            new Endpoint("POST", "/api/v1/files/f-none/download", "operator"),
            new Endpoint("GET", "/api/v1/files/f-none/download/status", "viewer"),
            new Endpoint("POST", "/api/v1/files/f-none/upload", "operator"),
            new Endpoint("DELETE", "/api/v1/files/f-none", "operator"),
            new Endpoint("GET", "/api/v1/files/cleanup/candidates", "viewer"),
            new Endpoint("POST", "/api/v1/files/cleanup", "operator"),
            new Endpoint("GET", "/api/v1/statistics/overview", "viewer"),
            new Endpoint("GET", "/api/v1/statistics/printers/p-none", "viewer"),
            new Endpoint("GET", "/api/bambu/printers", "viewer"),
            new Endpoint("POST", "/api/bambu/printers", "admin"),
            new Endpoint("GET", "/api/bambu/printers/p-none/status", "viewer"),
            new Endpoint("DELETE", "/api/bambu/printers/p-none", "admin"),
            new Endpoint("GET", "/api/bambu/materials", "viewer"),
            new Endpoint("PUT", "/api/bambu/materials/987654", "operator"),
            new Endpoint("GET", "/api/bambu/scheduled-prints", "viewer"),
            new Endpoint("POST", "/api/bambu/scheduled-prints", "operator"),
            new Endpoint("GET", "/api/bambu/scheduled-prints/p-none/queue", "viewer"),
            new Endpoint("PUT", "/api/bambu/scheduled-prints/987654", "operator"),
            new Endpoint("DELETE", "/api/bambu/scheduled-prints/987654", "operator"),
            new Endpoint("GET", "/api/bambu/notifications", "admin"),
            new Endpoint("PUT", "/api/bambu/notifications/987654", "admin"),
            new Endpoint("GET", "/api/bambu/notifications/987654/deliveries", "admin"));

    /** The roles in order, each implying the ones before it. */
    public static final List<String> ROLES = List.of("viewer", "operator", "admin", "owner");

    private Endpoints() {
    }

    /** Whether a caller holding {@code role} may call an endpoint that needs {@code leastRole}. */
    public static boolean allows(String role, String leastRole) {
        return ROLES.indexOf(role) >= ROLES.indexOf(leastRole);
    }
}
