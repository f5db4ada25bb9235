package app.nozzly.production.process.errors;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The error body of every /api/v1/production/ answer: {"error": {"code", "message", "details"}}. */
@Schema(name = "ProcessError", description = "specs/001 error: the PROD code (or VALIDATION_ERROR, *_NOT_FOUND, "
        + "INVALID_STATE_TRANSITION, MAINTENANCE_*, INVENTORY_UNAVAILABLE), a message and details")
public record ProcessError(Body error) {

    public record Body(String code, String message, Map<String, Object> details) {
    }

    public static ProcessError of(String code, String message, Map<String, Object> details) {
        return new ProcessError(new Body(code, message, details));
    }
}
