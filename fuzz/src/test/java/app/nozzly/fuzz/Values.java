package app.nozzly.fuzz;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values from a served document's schemas: a plausible one for each schema (so that a request reaches past the
 * checks of its other fields), and the hostile ones a careless or malicious client sends instead.
 */
final class Values {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Raw JSON texts of values no field should take as they are; written into bodies verbatim. */
    static final List<String> HOSTILE = List.of(
            "null", "\"\"", "\"" + "x".repeat(100_000) + "\"", "\"a\\u0000b\"", "\"\\ud800\"",
            "\"\\u202e\\u0645\\u0631\\u062d\\u0628\\u0627 \\ud83d\\ude00\"", "1e400", "-1e400", "1e-400", "-1", "0",
            "9223372036854775808", "2147483648", "1.5", "true", "[]", "{}", "\"not-a-date\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"9999-12-31\"", "\"../../../etc/passwd\"", "\"%00\"",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");

    /** Path segments and query values a client may send for an id or a filter. */
    static final List<String> HOSTILE_TEXT = List.of("%00", "..%2F..%2Fq%2Fmetrics", "x".repeat(5000), "-1", "0",
            "99999999999999999999999", "abc", "%E2%80%AE%F0%9F%98%80", "%20", "null", "1e400", "true",
            "00000000-0000-0000-0000-000000000000", "%27%3B%20drop%20table%20x%3B--");

    /** Whole bodies that are not what any operation reads. */
    static final List<String> HOSTILE_BODIES = List.of("{", "[]", "null", "\"x\"", "{\"a\":", "[" + "[".repeat(5000),
            "{}", "{\"a\":1,\"a\":2}", "x".repeat(1_000_000));

    private final JsonNode components;
    private int counter;

    Values(JsonNode document) {
        this.components = document.path("components").path("schemas");
    }

    /** A value the schema accepts, as far as a schema can tell; ids and hosts stay on this machine. */
    JsonNode plausible(JsonNode schema, String name, int depth) {
        JsonNode resolved = resolve(schema);
        if (depth > 4) {
            return NODES.nullNode();
        }
        if (resolved.has("allOf")) {
            return plausible(resolved.get("allOf").get(0), name, depth + 1);
        }
        if (resolved.has("oneOf") || resolved.has("anyOf")) {
            return plausible((resolved.has("oneOf") ? resolved.get("oneOf") : resolved.get("anyOf")).get(0), name,
                    depth + 1);
        }
        if (resolved.has("enum") && resolved.get("enum").size() > 0) {
            return resolved.get("enum").get(0);
        }
        String type = resolved.path("type").asText("object");
        String format = resolved.path("format").asText("");
        String lowered = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case "integer" -> NODES.numberNode(Math.max(1, resolved.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(Math.max(1.5, resolved.path("minimum").asDouble(1.5)));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(plausible(resolved.path("items"), name, depth + 1));
                yield array;
            }
            case "string" -> NODES.textNode(text(format, lowered));
            default -> object(resolved, depth);
        };
    }

    private String text(String format, String name) {
        counter++;
        if (format.equals("date-time")) {
            return Instant.now().toString();
        }
        if (format.equals("date")) {
            return LocalDate.now().toString();
        }
        if (format.equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        if (name.contains("ip") || name.contains("host") || name.contains("url") || name.contains("uri")
                || name.contains("webhook")) {
            return name.contains("url") || name.contains("uri") || name.contains("webhook")
                    ? "http://127.0.0.1:9/fuzz" : "127.0.0.1";
        }
        if (name.contains("email")) {
            return "fuzz" + counter + "@example.com";
        }
        return "fuzz-" + counter;
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").properties().iterator(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().path("readOnly").asBoolean(false)) {
                object.set(field.getKey(), plausible(field.getValue(), field.getKey(), depth + 1));
            }
        }
        return object;
    }

    /** The property names of an object schema that a request may set. */
    List<String> properties(JsonNode schema) {
        List<String> names = new ArrayList<>();
        resolve(schema).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
        return resolve(components.path(name));
    }
}
