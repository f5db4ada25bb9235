package app.nozzly.gateway;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The error body each API family's spec defines, so that an answer the gateway gives itself (no route, a dead
 * or stuck service, a client over its limits) reads like one of that API's own errors.
 */
public enum ErrorFamily {
    /** RFC 9457 problem details: specs/000 and the inventory API, where the spec is silent. */
    PROBLEM,
    /** specs/001: {"error": {code, message, details}}. */
    SPEC_001,
    /** specs/002: {"error": message, "status": code}. */
    SPEC_002,
    /** specs/003: {"error": {code, message, details, timestamp, request_id}}. */
    SPEC_003,
    /** specs/004: {success, businessCode, message, data}. */
    SPEC_004;

    String contentType() {
        return this == PROBLEM ? "application/problem+json" : "application/json";
    }

    /** The body of an error the gateway answers itself; {@code code} is a specs/003-style code. */
    String body(int status, String code, String message, String requestId) {
        String text = Json.quote(message);
        return switch (this) {
            case PROBLEM -> "{\"type\":\"https://api.nozzly.app/problems/" + code.toLowerCase().replace('_', '-')
                    + "\",\"title\":" + Json.quote(Status.reason(status)) + ",\"status\":" + status + ",\"detail\":"
                    + text + ",\"request_id\":" + Json.quote(requestId) + "}";
            case SPEC_001 -> "{\"error\":{\"code\":" + Json.quote(code) + ",\"message\":" + text
                    + ",\"details\":{\"request_id\":" + Json.quote(requestId) + "}}}";
            case SPEC_002 -> "{\"error\":" + text + ",\"status\":" + status + "}";
            case SPEC_003 -> "{\"error\":{\"code\":" + Json.quote(code) + ",\"message\":" + text
                    + ",\"details\":{},\"timestamp\":" + Json.quote(Instant.now().truncatedTo(ChronoUnit.SECONDS)
                            .toString()) + ",\"request_id\":" + Json.quote(requestId) + "}}";
            case SPEC_004 -> "{\"success\":false,\"businessCode\":" + businessCode(status) + ",\"message\":" + text
                    + ",\"data\":null}";
        };
    }

    /** specs/004's business codes: 4001 for invalid input, else the status times ten as facility-sim-service does. */
    private static int businessCode(int status) {
        return status == 400 ? 4001 : status * 10;
    }
}
