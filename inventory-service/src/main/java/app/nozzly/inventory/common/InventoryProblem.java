package app.nozzly.inventory.common;

import java.util.Map;

/**
 * A request the inventory refuses, with the HTTP status and the RFC 9457 problem type it answers with.
 * Thrown from services; the API family's exception mapper decides the wire shape.
 */
public class InventoryProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final transient Map<String, Object> extensions;

    public InventoryProblem(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public static InventoryProblem badRequest(String detail) {
        return new InventoryProblem(400, "invalid-request", "Invalid request", detail, Map.of());
    }

    public static InventoryProblem unprocessable(String detail) {
        return new InventoryProblem(422, "unprocessable", "Unprocessable request", detail, Map.of());
    }

    public static InventoryProblem notFound(String detail) {
        return new InventoryProblem(404, "not-found", "Not found", detail, Map.of());
    }

    public static InventoryProblem conflict(String detail) {
        return new InventoryProblem(409, "conflict", "Conflict", detail, Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
