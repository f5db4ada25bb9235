package app.nozzly.production.process.errors;

import java.util.Map;
import java.util.UUID;

import app.nozzly.platform.errors.ApiProblem;

/**
 * A specs/001 rule answered to the client: the PROD code (or another {@link ProcessErrorCode}), its HTTP status and
 * details a client can act on, rendered by platform-commons in the {@code coded-error} family of /api/v1/production/.
 */
public class ProcessException extends ApiProblem {

    private static final long serialVersionUID = 1L;

    public ProcessException(ProcessErrorCode code, String message, Map<String, ?> details) {
        this(code, message, details, Map.of());
    }

    public ProcessException(ProcessErrorCode code, String message, Map<String, ?> details,
            Map<String, String> headers) {
        super(code.status(), code.name(), message, details, headers);
    }

    /** The row the tenant has, or the code's error: "{what} {id} not found", details.{idField} the id. */
    public static <T> T requireFound(T row, ProcessErrorCode code, String what, String idField, UUID id) {
        if (row == null) {
            throw new ProcessException(code, what + " " + id + " not found", Map.of(idField, String.valueOf(id)));
        }
        return row;
    }
}
