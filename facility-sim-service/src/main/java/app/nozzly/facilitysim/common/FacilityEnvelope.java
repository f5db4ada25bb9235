package app.nozzly.facilitysim.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import app.nozzly.platform.errors.ApiError;
import app.nozzly.platform.errors.ErrorFamily;

/**
 * The error body of specs/004, {success: false, businessCode, message, data}, in the caller's language: every error
 * of this service (its own rules, Bean Validation, unreadable JSON, 401/403, 404, 409, 429, 500, 503) is written
 * here by platform-commons. The message is the business code's text; 4001 (and a 4030 that names a field) carry
 * {@code data.errors[{field, reason}]}, 4002/4003/4004/4005/4008/4009 the data of their refusal, 429 the limit, 5001
 * and 5030 the request id to quote, the rest null.
 */
@ApplicationScoped
public class FacilityEnvelope implements ErrorFamily {

    public static final String NAME = "facility-envelope";
    static final String ERRORS = "errors";

    /** One item of specs/004's {@code data.errors}. */
    public record FieldError(String field, String reason) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Object body(ApiError error) {
        Lang lang = LanguageResolver.current();
        BusinessCode code = BusinessCode.of(error.code(), error.status());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("businessCode", code.code());
        body.put("message", code.message().text(lang));
        body.put("data", data(code, error, lang));
        return body;
    }

    private static Object data(BusinessCode code, ApiError error, Lang lang) {
        Map<String, Object> details = error.details();
        if (details.get(ERRORS) instanceof List<?> violations) {
            return Map.of(ERRORS, violations.stream().map(Violation.class::cast)
                    .map(v -> new FieldError(v.field(), v.reason().text(lang, v.args().toArray()))).toList());
        }
        if (details.get("fields") instanceof List<?> fields) {
            // commons names the fields of Bean Validation and of unreadable JSON as {field, message}
            return Map.of(ERRORS, fields.stream().map(f -> (Map<?, ?>) f)
                    .map(f -> new FieldError(String.valueOf(f.get("field")),
                            PlatformReasons.translate(String.valueOf(f.get("message")), lang)))
                    .toList());
        }
        return switch (code) {
            case VALIDATION_ERROR -> Map.of(ERRORS, List.of(new FieldError(PlatformReasons.fieldOf(error.message()),
                    PlatformReasons.translate(error.message(), lang))));
            case RATE_LIMIT_EXCEEDED -> rateLimit(details);
            case INTERNAL_ERROR, SERVICE_UNAVAILABLE -> Map.of("requestId", error.requestId());
            default -> details.isEmpty() ? null : details;
        };
    }

    /** commons' limit, window and retry in specs/004's camelCase. */
    private static Map<String, Object> rateLimit(Map<String, Object> details) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("limit", details.get("limit"));
        data.put("windowSeconds", details.get("window_seconds"));
        data.put("retryAfterSeconds", details.get("retry_after"));
        return data;
    }

    @Override
    public Schema schema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("specs/004 envelope of an error; message in the request's language (lang, x-lang,"
                        + " Accept-Language)")
                .addProperty("success", OASFactory.createSchema().type(List.of(Schema.SchemaType.BOOLEAN))
                        .description("always false"))
                .addProperty("businessCode", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("specs/004 error code: 4001 validation, 4002-4009, 4404, 5001; other codes are"
                                + " the HTTP status times ten, 4041-4043 facility, team, connection not found"))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("the business code's text"))
                .addProperty("data", OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.OBJECT, Schema.SchemaType.NULL))
                        .description("errors[{field, reason}] for 4001; required/available, missing, resourceType,"
                                + " facilityType... of a refused production; limit, windowSeconds, retryAfterSeconds"
                                + " for 4290; requestId for 5001/5030; else null")
                        .additionalPropertiesSchema(OASFactory.createSchema()))
                .required(List.of("success", "businessCode", "message", "data"));
    }
}
