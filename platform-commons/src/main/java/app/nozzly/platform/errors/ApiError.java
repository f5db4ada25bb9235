package app.nozzly.platform.errors;

import java.time.Instant;
import java.util.Map;

/** One error as every family sees it before giving it its API's shape. */
public record ApiError(int status, String code, String message, Map<String, Object> details, String requestId,
        Instant timestamp) {
}
