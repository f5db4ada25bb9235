package app.nozzly.inventory.spoolman.rest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import app.nozzly.inventory.spoolman.SpoolmanError;
import app.nozzly.inventory.spoolman.SpoolmanTimes;

/**
 * Reads one JSON request body of Spoolman's API as its pydantic models do (numbers from numeric strings, bounds,
 * lengths) and answers every invalid field at once as FastAPI's 422. A field that is absent reads as null;
 * {@link #has} tells absent from null, which PATCH needs.
 */
final class Fields {

    private final JsonNode body;
    private final List<Map<String, Object>> errors = new ArrayList<>();

    Fields(JsonNode body) {
        this.body = body;
        if (body == null || !body.isObject()) {
            errors.add(error("model_attributes_type", "Input should be a valid dictionary or object to extract fields from",
                    null));
        }
    }

    boolean has(String name) {
        return body != null && body.isObject() && body.has(name);
    }

    /** Which of {@code names} the body holds, null or not: the fields a PATCH sets. */
    Set<String> present(List<String> names) {
        Set<String> present = new HashSet<>();
        names.stream().filter(this::has).forEach(present::add);
        return present;
    }

    /** Fails the request when a present field is null where Spoolman's update models refuse None. */
    void notNull(String name) {
        if (has(name) && body.get(name).isNull()) {
            errors.add(error("value_error", "Value error, Value must not be None.", name));
        }
    }

    String text(String name, boolean required, int maxLength) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(error("string_type", "Input should be a valid string", name));
            return null;
        }
        if (value.textValue().length() > maxLength) {
            errors.add(error("string_too_long", "String should have at most " + maxLength + " characters", name));
            return null;
        }
        return value.textValue();
    }

    /** A float; {@code exclusiveMin} true means greater than {@code min}, false at least {@code min}. */
    Double number(String name, boolean required, Double min, boolean exclusiveMin) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        Double number = null;
        if (value.isNumber()) {
            number = value.doubleValue();
        } else if (value.isTextual()) {
            try {
                number = Double.valueOf(value.textValue().trim());
            } catch (NumberFormatException e) {
                number = null;
            }
        }
        if (number == null || number.isNaN() || number.isInfinite()) {
            errors.add(error("float_parsing", "Input should be a valid number", name));
            return null;
        }
        if (min != null && (exclusiveMin ? number <= min : number < min)) {
            errors.add(error(exclusiveMin ? "greater_than" : "greater_than_equal", "Input should be "
                    + (exclusiveMin ? "greater than " : "greater than or equal to ") + plain(min), name));
            return null;
        }
        return number;
    }

    Long integer(String name, boolean required, Long min) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        Long number = null;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            number = value.longValue();
        } else if (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue())) {
            number = (long) value.doubleValue();
        } else if (value.isTextual()) {
            try {
                number = Long.valueOf(value.textValue().trim());
            } catch (NumberFormatException e) {
                number = null;
            }
        }
        if (number == null) {
            errors.add(error("int_parsing", "Input should be a valid integer", name));
            return null;
        }
        if (min != null && number < min) {
            errors.add(error("greater_than_equal", "Input should be greater than or equal to " + min, name));
            return null;
        }
        return number;
    }

    Boolean bool(String name) {
        JsonNode value = value(name, false);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText().trim().toLowerCase(Locale.ROOT);
        if (List.of("true", "1", "yes", "on", "t", "y").contains(text)) {
            return true;
        }
        if (List.of("false", "0", "no", "off", "f", "n").contains(text)) {
            return false;
        }
        errors.add(error("bool_parsing", "Input should be a valid boolean", name));
        return null;
    }

    OffsetDateTime time(String name) {
        JsonNode value = value(name, false);
        if (value == null) {
            return null;
        }
        OffsetDateTime time = value.isTextual() ? SpoolmanTimes.parse(value.textValue()) : null;
        if (time == null) {
            errors.add(error("datetime_parsing", "Input should be a valid datetime", name));
        }
        return time;
    }

    /** An extra-field map: each value a string (JSON text) or null. */
    Map<String, String> extra(String name) {
        JsonNode value = value(name, false);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            errors.add(error("dict_type", "Input should be a valid dictionary", name));
            return null;
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (entry.getValue().isNull()) {
                extra.put(entry.getKey(), null);
            } else if (entry.getValue().isTextual()) {
                extra.put(entry.getKey(), entry.getValue().textValue());
            } else {
                errors.add(error("string_type", "Input should be a valid string", name + "." + entry.getKey()));
            }
        }
        return extra;
    }

    void fail(String name, String message) {
        errors.add(error("value_error", "Value error, " + message, name));
    }

    /** Throws FastAPI's 422 naming every invalid field found so far. */
    void check() {
        if (!errors.isEmpty()) {
            throw SpoolmanError.invalid(errors);
        }
    }

    private JsonNode value(String name, boolean required) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(error(value == null ? "missing" : "float_type", value == null ? "Field required"
                        : "Input should be a valid number", name));
            }
            return null;
        }
        return value;
    }

    private static Map<String, Object> error(String type, String message, String field) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("loc", field == null ? List.of("body") : List.of("body", field));
        error.put("msg", message);
        return error;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
