package app.nozzly.inventory.spoolman.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.ListQuery;

/** Spoolman's extra fields on an entity: JSON-encoded values per key, merged per key, filtered by value. */
final class SpoolmanFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpoolmanFields() {
    }

    /** A PATCH of extra fields: keys present replace, a null value removes, others stay. */
    static Map<String, String> merge(Map<String, String> current, Map<String, String> patch) {
        Map<String, String> merged = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
        if (patch != null) {
            patch.forEach((key, value) -> {
                if (value == null) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            });
        }
        return merged;
    }

    /** {@code extra.<key>=<terms>}: Spoolman's string filter on each field's decoded value. */
    static Predicate<ObjectNode> extraFilter(Map<String, String> filters) {
        Predicate<ObjectNode> all = node -> true;
        if (filters == null) {
            return all;
        }
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            Predicate<ObjectNode> text = ListQuery.text("value", filter.getValue(), true);
            all = all.and(node -> {
                JsonNode raw = node.path("extra").get(filter.getKey());
                ObjectNode decoded = JSON.createObjectNode();
                if (raw != null) {
                    JsonNode value = decode(raw.asText());
                    if (value.isArray()) {
                        for (JsonNode element : value) {
                            if (text.test(JSON.createObjectNode().put("value", element.asText()))) {
                                return true;
                            }
                        }
                        return false;
                    }
                    decoded.put("value", value.isNull() ? null : value.asText());
                }
                return text.test(decoded);
            });
        }
        return all;
    }

    private static JsonNode decode(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
