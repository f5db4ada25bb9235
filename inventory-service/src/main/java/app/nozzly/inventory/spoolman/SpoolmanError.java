package app.nozzly.inventory.spoolman;

import java.util.List;
import java.util.Map;

/**
 * An answer of Spoolman's API that is not a success, in Spoolman's own shape: {@code {"message"}} for what its
 * handlers refuse, FastAPI's {@code {"detail": [...]}} (422) for a request that fails validation.
 */
public class SpoolmanError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Object body;

    public SpoolmanError(int status, String message) {
        super(message);
        this.status = status;
        this.body = Map.of("message", message);
    }

    /** An answer with a body of its own (FastAPI's {"detail": "Not Found"} for a path it does not serve). */
    public SpoolmanError(int status, Map<String, Object> body) {
        this(status, String.valueOf(body.values().iterator().next()), body);
    }

    private SpoolmanError(int status, String message, Object body) {
        super(message);
        this.status = status;
        this.body = body;
    }

    public static SpoolmanError notFound(String entity, long id) {
        return new SpoolmanError(404, "No " + entity + " with ID " + id + " found.");
    }

    /** FastAPI's validation answer: each entry {@code {"type","loc","msg"}}. */
    public static SpoolmanError invalid(List<Map<String, Object>> details) {
        return new SpoolmanError(422, details.isEmpty() ? "invalid request" : String.valueOf(details.get(0).get("msg")),
                Map.of("detail", details));
    }

    public static SpoolmanError invalid(String location, String field, String type, String message) {
        return invalid(List.of(Map.of("type", type, "loc", List.of(location, field), "msg", message)));
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }
}
