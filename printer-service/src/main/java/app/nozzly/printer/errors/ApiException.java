package app.nozzly.printer.errors;

import java.util.Map;

/**
 * A client-visible failure with the code vocabulary of specs/003 (PRINTER_OFFLINE, PRINTER_BUSY, FILE_NOT_FOUND,
 * ...). Rendered as specs/003's error object under /api/v1 and as specs/002's {error, status} under /api/bambu.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : details;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "NOT_FOUND", what + " " + id + " not found", Map.of("id", String.valueOf(id)));
    }

    public static ApiException validation(String message) {
        return new ApiException(422, "VALIDATION_ERROR", message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "VALIDATION_ERROR", message);
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
}
