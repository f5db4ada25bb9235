package app.nozzly.production.process.errors;

import java.util.Map;

/**
 * A specs/001 rule answered to the client: the PROD code (or a platform code where the spec has none),
 * the HTTP status and details a client can act on. Rendered by {@link ProcessExceptionMapper}.
 */
public class ProcessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;
    private final transient Map<String, Object> details;

    public ProcessException(ProcessErrorCode code, String message, Map<String, Object> details) {
        this(code.name(), code.status(), message, details);
    }

    public ProcessException(ProcessErrorCode code, String message) {
        this(code, message, Map.of());
    }

    private ProcessException(String code, int status, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.status = status;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }
}
