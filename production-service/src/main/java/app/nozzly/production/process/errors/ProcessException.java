package app.nozzly.production.process.errors;

import java.util.Map;

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
}
