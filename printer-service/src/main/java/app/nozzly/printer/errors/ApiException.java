package app.nozzly.printer.errors;

import java.util.Map;

import app.nozzly.platform.errors.ApiProblem;

/**
 * A refusal with the code vocabulary of specs/003 "Common Error Codes" (PRINTER_OFFLINE, PRINTER_BUSY,
 * FILE_NOT_FOUND, INVALID_PRINTER_CONFIG, ...). platform-commons renders it as specs/003's error object under
 * /api/v1 and as specs/002's {error, status} under /api/bambu.
 */
public class ApiException extends ApiProblem {

    private static final long serialVersionUID = 1L;

    public ApiException(int status, String code, String message, Map<String, ?> details) {
        super(status, code, message, details);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** specs/003 "422 Unprocessable Entity: Validation errors": well-formed, but not something we can act on. */
    public static ApiException validation(String message) {
        return new ApiException(422, "VALIDATION_ERROR", message);
    }
}
