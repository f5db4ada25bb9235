package app.nozzly.platform.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the platform refuses: its status, a machine-readable code, a message for the person reading it and
 * details (fields, ids, limits). Thrown from any layer and extended by a service's domain exceptions; the error
 * family of the request's API renders it (see {@link ErrorFamily}), so the same problem reads as specs/002,
 * specs/003, specs/004, the PROD codes of specs/001 or RFC 9457 wherever it happens.
 */
public class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, Object> details;
    private final transient Map<String, String> headers;

    public ApiProblem(int status, String code, String message, Map<String, ?> details) {
        this(status, code, message, details, Map.of());
    }

    public ApiProblem(int status, String code, String message, Map<String, ?> details, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    /** 400: the request is malformed or a value is out of its bounds. */
    public static ApiProblem badRequest(String message) {
        return new ApiProblem(400, ErrorCodes.VALIDATION_ERROR, message, Map.of());
    }

    /** 400 naming the one field that is wrong and what it accepts. */
    public static ApiProblem invalidField(String field, String message) {
        return invalidFields(Map.of(field, message));
    }

    /** 400 naming every field that is wrong (field path to what it accepts), in the order given. */
    public static ApiProblem invalidFields(Map<String, String> fields) {
        List<Map<String, String>> list = fields.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList();
        StringBuilder message = new StringBuilder();
        fields.forEach((field, problem) -> message.append(message.length() == 0 ? "" : "; ").append(field)
                .append(": ").append(problem));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fields", list);
        return new ApiProblem(400, ErrorCodes.VALIDATION_ERROR, message.toString(), details);
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, ErrorCodes.NOT_FOUND, what + " " + id + " not found", Map.of("id",
                String.valueOf(id)));
    }

    public static ApiProblem conflict(String message) {
        return new ApiProblem(409, ErrorCodes.CONFLICT, message, Map.of());
    }

    public static ApiProblem unprocessable(String message) {
        return new ApiProblem(422, ErrorCodes.UNPROCESSABLE, message, Map.of());
    }

    public static ApiProblem forbidden(String message) {
        return new ApiProblem(403, ErrorCodes.FORBIDDEN, message, Map.of());
    }

    /** 503 with Retry-After: a dependency (database, broker, another service) is away for now. */
    public static ApiProblem unavailable(String message, long retryAfterSeconds) {
        return new ApiProblem(503, ErrorCodes.SERVICE_UNAVAILABLE, message, Map.of(),
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** Extra answer headers (Retry-After, the X-RateLimit-* of a 429). */
    public Map<String, String> headers() {
        return headers;
    }
}
