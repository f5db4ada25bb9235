package app.nozzly.production.process.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Turns invalid input into the PROD error body. Each specs/001 resource delegates its own
 * {@code @ServerExceptionMapper} methods here, so the specs/000 resources keep their problem details.
 */
public final class ProcessErrors {

    private ProcessErrors() {
    }

    public static Response response(int status, String code, String message, Map<String, Object> details) {
        return ProcessExceptionMapper.json(status, ProcessError.of(code, message, details));
    }

    public static Response invalid(ConstraintViolationException e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            fields.put(field(violation.getPropertyPath().toString()), violation.getMessage());
        }
        return response(400, ProcessErrorCode.VALIDATION_ERROR.name(), "request is invalid: " + fields,
                Map.of("fields", fields));
    }

    public static Response invalidJson(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping ? pathOf(mapping.getPath()) : "";
        String message = "request body is not valid JSON for this endpoint"
                + (path.isEmpty() ? "" : " at '" + path + "'") + ": " + e.getOriginalMessage();
        return response(400, ProcessErrorCode.VALIDATION_ERROR.name(), message,
                path.isEmpty() ? Map.of() : Map.of("field", path));
    }

    private static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    // "start.arg1.target_quantity" -> "target_quantity": the client knows its body, not our method names
    private static String field(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        StringBuilder name = new StringBuilder();
        for (int i = Math.min(2, parts.length - 1); i < parts.length; i++) {
            name.append(name.length() == 0 ? "" : ".").append(parts[i]);
        }
        return name.toString().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
