package app.nozzly.inventory.spoolman.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Spoolman's export: each entity flattened to dot-separated keys ({@code filament.vendor.name}, {@code extra.<key>}),
 * as a JSON array or as CSV with every key as a column, sorted; a text cell a spreadsheet would take for a formula
 * is prefixed with a quote.
 */
public final class SpoolmanExport {

    private static final List<String> FORMULA_PREFIXES = List.of("=", "+", "-", "@", "\t", "\r");

    private SpoolmanExport() {
    }

    public static ArrayNode json(List<ObjectNode> views) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (ObjectNode view : views) {
            ObjectNode row = rows.addObject();
            flatten(view, "").forEach(row::set);
        }
        return rows;
    }

    public static String csv(List<ObjectNode> views) {
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        TreeSet<String> headers = new TreeSet<>();
        for (ObjectNode view : views) {
            Map<String, JsonNode> row = flatten(view, "");
            headers.addAll(row.keySet());
            rows.add(row);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", headers.stream().map(SpoolmanExport::cell).toList())).append("\r\n");
        for (Map<String, JsonNode> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String header : headers) {
                JsonNode value = row.get(header);
                if (value == null || value.isNull()) {
                    cells.add("");
                } else if (value.isTextual()) {
                    String text = value.asText();
                    cells.add(cell(FORMULA_PREFIXES.stream().anyMatch(text::startsWith) ? "'" + text : text));
                } else {
                    cells.add(cell(value.asText()));
                }
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    private static Map<String, JsonNode> flatten(JsonNode node, String prefix) {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        node.properties().forEach(field -> {
            if (field.getValue().isObject() && !field.getKey().equals("extra")) {
                flat.putAll(flatten(field.getValue(), prefix + field.getKey() + "."));
            } else if (field.getKey().equals("extra")) {
                field.getValue().properties().forEach(
                        extra -> flat.put(prefix + "extra." + extra.getKey(), extra.getValue()));
            } else {
                flat.put(prefix + field.getKey(), field.getValue());
            }
        });
        return flat;
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break. */
    private static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
