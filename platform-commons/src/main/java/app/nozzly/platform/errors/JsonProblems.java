package app.nozzly.platform.errors;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.IgnoredPropertyException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import app.nozzly.platform.json.BoundsException;

/** A request body Jackson could not read, as a 400 naming the field and what it accepts. */
final class JsonProblems {

    private JsonProblems() {
    }

    static ApiProblem of(JsonProcessingException e, ObjectMapper json) {
        if (e instanceof BoundsException bounds) {
            return ApiProblem.invalidField(orBody(path(bounds.getPath())), bounds.getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown.getPath());
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return ApiProblem.invalidField(field, "unknown field" + (known.isEmpty() ? "" : "; accepted: " + known));
        }
        if (e instanceof IgnoredPropertyException ignored) {
            return ApiProblem.invalidField(path(ignored.getPath()), "this field may not be set");
        }
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            if (cause instanceof ApiProblem problem) {
                return problem;
            }
            return ApiProblem.invalidField(orBody(path(instantiation.getPath())),
                    cause == null ? "invalid value" : String.valueOf(cause.getMessage()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = orBody(path(mismatch.getPath()));
            Class<?> target = mismatch.getTargetType();
            if (mismatch.getCause() instanceof ApiProblem problem) {
                return problem;
            }
            return ApiProblem.invalidField(field, target == null ? "invalid value" : "must be " + expected(target, json));
        }
        if (e instanceof InputCoercionException coercion) {
            return ApiProblem.invalidField(fieldOf(e), "the number is out of range for " + expected(
                    coercion.getTargetType(), json));
        }
        if (e instanceof StreamConstraintsException) {
            return ApiProblem.badRequest("the request body exceeds a limit: " + e.getOriginalMessage());
        }
        if (e instanceof JsonParseException) {
            return ApiProblem.badRequest("the request body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (e instanceof JsonMappingException mapping) {
            if (mapping.getCause() instanceof ApiProblem problem) {
                return problem;
            }
            if (mapping.getCause() instanceof InputCoercionException coercion) {
                return ApiProblem.invalidField(orBody(path(mapping.getPath())), "the number is out of range for "
                        + expected(coercion.getTargetType(), json));
            }
            return ApiProblem.invalidField(orBody(path(mapping.getPath())), "invalid value");
        }
        return ApiProblem.badRequest("the request body could not be read");
    }

    /** The field being read when the parser itself failed (a number out of range has no databind path). */
    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return path(mapping.getPath());
        }
        if (e.getProcessor() instanceof JsonParser parser) {
            StringBuilder path = new StringBuilder();
            for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                    context = context.getParent()) {
                if (context.inObject() && context.getCurrentName() != null) {
                    path.insert(0, (path.length() == 0 || path.charAt(0) == '[' ? "" : ".") + context.getCurrentName());
                } else if (context.inArray()) {
                    path.insert(0, "[" + context.getCurrentIndex() + "]");
                }
            }
            return orBody(path.toString().startsWith(".") ? path.substring(1) : path.toString());
        }
        return "body";
    }

    private static String orBody(String path) {
        return path.isEmpty() ? "body" : path;
    }

    static String path(List<JsonMappingException.Reference> references) {
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

    /** What a JSON client must send for a Java type, in JSON's words. */
    static String expected(Class<?> type, ObjectMapper json) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(constant -> name(constant, json))
                    .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == java.util.UUID.class) {
            return type == String.class ? "a string" : "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO 8601 date or date-time";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    private static String name(Object constant, ObjectMapper json) {
        try {
            return json.writeValueAsString(constant).replace("\"", "");
        } catch (JsonProcessingException e) {
            return String.valueOf(constant);
        }
    }
}
