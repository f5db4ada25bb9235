package app.nozzly.inventory.spoolman.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.SpoolmanError;
import app.nozzly.inventory.spoolman.SpoolmanFilament;
import app.nozzly.inventory.spoolman.SpoolmanSpool;
import app.nozzly.inventory.spoolman.SpoolmanVendor;

/**
 * Spoolman's extra fields: their definitions per entity type (kept in the {@code extra_fields_<entity>} setting),
 * the validation of values against them, and the typed filters and sorts on them.
 */
@ApplicationScoped
@Transactional
public class SpoolmanExtraFields {

    static final Set<String> ENTITIES = Set.of("vendor", "filament", "spool");
    private static final Set<String> TYPES = Set.of("text", "integer", "integer_range", "float", "float_range",
            "datetime", "boolean", "choice");
    private static final int MAX_FIELDS = 128;
    private static final int MAX_VALUE = 65535;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SpoolmanSettings settings;

    /** The definitions of an entity type's extra fields, in the order they were added. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ObjectNode> fields(String entity) {
        String stored = settings.stored("extra_fields_" + entity).orElse("[]");
        JsonNode parsed = SpoolmanSettings.parse(stored);
        List<ObjectNode> fields = new ArrayList<>();
        if (parsed != null && parsed.isArray()) {
            parsed.forEach(node -> fields.add((ObjectNode) node));
        }
        return fields;
    }

    public List<ObjectNode> put(String entity, String key, ObjectNode field) {
        validate(field);
        List<ObjectNode> fields = new ArrayList<>(fields(entity));
        ObjectNode existing = fields.stream().filter(f -> key.equals(f.path("key").asText())).findFirst().orElse(null);
        if (existing != null) {
            if (!existing.path("field_type").asText().equals(field.path("field_type").asText())) {
                throw new SpoolmanError(400, "Field type cannot be changed.");
            }
            if ("choice".equals(field.path("field_type").asText())) {
                if (existing.path("multi_choice").asBoolean() != field.path("multi_choice").asBoolean()) {
                    throw new SpoolmanError(400, "Multi choice cannot be changed.");
                }
                Set<String> now = new HashSet<>();
                field.path("choices").forEach(c -> now.add(c.asText()));
                for (JsonNode choice : existing.path("choices")) {
                    if (!now.contains(choice.asText())) {
                        throw new SpoolmanError(400, "Cannot remove existing choices.");
                    }
                }
            }
        }
        fields.removeIf(f -> key.equals(f.path("key").asText()));
        if (fields.size() >= MAX_FIELDS) {
            throw new SpoolmanError(400, "Cannot add another extra field for " + entity + ", the maximum is "
                    + MAX_FIELDS + ".");
        }
        field.put("key", key);
        field.put("entity_type", entity);
        fields.add(field);
        store(entity, fields);
        return fields;
    }

    public List<ObjectNode> delete(String entity, String key) {
        List<ObjectNode> fields = new ArrayList<>(fields(entity));
        if (!fields.removeIf(f -> key.equals(f.path("key").asText()))) {
            throw new SpoolmanError(404, "Extra field with key " + key + " does not exist for entity type " + entity);
        }
        store(entity, fields);
        switch (entity) {
            case "vendor" -> SpoolmanVendor.<SpoolmanVendor>listAll().forEach(v -> v.extra = without(v.extra, key));
            case "filament" -> SpoolmanFilament.<SpoolmanFilament>listAll()
                    .forEach(f -> f.extra = without(f.extra, key));
            default -> SpoolmanSpool.<SpoolmanSpool>listAll().forEach(s -> s.extra = without(s.extra, key));
        }
        return fields;
    }

    /** The distinct decoded values of a field over the entities that have one, sorted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> values(String entity, String key, List<ObjectNode> views) {
        if (fields(entity).stream().noneMatch(f -> key.equals(f.path("key").asText()))) {
            throw new SpoolmanError(404, "No extra field with key '" + key + "'.");
        }
        TreeSet<String> values = new TreeSet<>();
        for (ObjectNode view : views) {
            JsonNode raw = view.path("extra").get(key);
            if (raw != null) {
                JsonNode decoded = decode(raw.asText());
                String text = decoded == null ? raw.asText() : decoded.isValueNode() ? decoded.asText() : decoded.toString();
                if (decoded != null && !decoded.isNull() && !text.isEmpty()) {
                    values.add(text);
                }
            }
        }
        return new ArrayList<>(values);
    }

    /** Checks a body's extra values against the definitions: an unknown key or a value of another type is a 400. */
    public void check(String entity, Map<String, String> extra) {
        if (extra == null || extra.isEmpty()) {
            return;
        }
        Map<String, ObjectNode> byKey = byKey(entity);
        for (Map.Entry<String, String> entry : extra.entrySet()) {
            ObjectNode field = byKey.get(entry.getKey());
            if (field == null) {
                throw new SpoolmanError(400, "Unknown extra field " + entry.getKey() + ".");
            }
            if (entry.getValue() != null) {
                String problem = valueProblem(field, entry.getValue());
                if (problem != null) {
                    throw new SpoolmanError(400, "Invalid extra field for key " + entry.getKey() + ": " + problem);
                }
            }
        }
    }

    /** The typed filter of {@code extra.<key>=<terms>} parameters; unknown keys are ignored as Spoolman does. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Predicate<ObjectNode> filter(String entity, Map<String, String> filters) {
        Predicate<ObjectNode> all = node -> true;
        if (filters == null) {
            return all;
        }
        Map<String, ObjectNode> byKey = byKey(entity);
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            ObjectNode field = byKey.get(filter.getKey());
            if (field != null) {
                all = all.and(termsFilter(filter.getKey(), field, filter.getValue()));
            }
        }
        return all;
    }

    /** The sort value of {@code extra.<key>}, or null for a key that is no field (Spoolman ignores that sort). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Function<String, Function<ObjectNode, JsonNode>> sorter(String entity) {
        Map<String, ObjectNode> byKey = byKey(entity);
        return key -> {
            ObjectNode field = byKey.get(key);
            if (field == null) {
                return null;
            }
            String type = field.path("field_type").asText();
            return node -> {
                JsonNode raw = node.path("extra").get(key);
                if (raw == null) {
                    return null;
                }
                JsonNode decoded = decode(raw.asText());
                return switch (type) {
                    case "integer", "float" -> decoded != null && decoded.isNumber() ? decoded : null;
                    case "integer_range", "float_range" -> decoded != null && decoded.isArray() ? decoded.get(0) : null;
                    default -> raw;
                };
            };
        };
    }

    /** What a write of an {@code extra_fields_<entity>} setting must hold: valid definitions of that entity. */
    static void validateSetting(String key, JsonNode value) {
        if (!key.startsWith("extra_fields_") || !ENTITIES.contains(key.substring("extra_fields_".length()))) {
            return;
        }
        String entity = key.substring("extra_fields_".length());
        if (value.size() > MAX_FIELDS) {
            throw new SpoolmanError(400, "Setting " + key + " has " + value.size()
                    + " extra fields, the maximum is " + MAX_FIELDS + ".");
        }
        Set<String> keys = new HashSet<>();
        int index = 0;
        for (JsonNode field : value) {
            if (!field.isObject() || !field.path("key").isTextual() || !field.path("key").asText().matches("^[a-z0-9_]{1,64}$")
                    || !field.path("entity_type").isTextual()) {
                throw new SpoolmanError(400, "Extra field at index " + index + " is not valid.");
            }
            if (!entity.equals(field.path("entity_type").asText())) {
                throw new SpoolmanError(400, "Extra field at index " + index + " has entity type '"
                        + field.path("entity_type").asText() + "', expected '" + entity + "'.");
            }
            try {
                validate((ObjectNode) field);
            } catch (SpoolmanError e) {
                throw new SpoolmanError(400, "Extra field at index " + index + " is not valid: " + e.getMessage());
            }
            if (!keys.add(field.path("key").asText())) {
                throw new SpoolmanError(400, "Setting " + key + " contains duplicate extra field keys.");
            }
            index++;
        }
    }

    /** A definition's own rules (ExtraFieldParameters and validate_extra_field). */
    static void validate(ObjectNode field) {
        JsonNode name = field.get("name");
        if (name == null || !name.isTextual() || name.asText().isEmpty() || name.asText().length() > 128) {
            throw new SpoolmanError(400, "Name must be between 1 and 128 characters.");
        }
        String type = field.path("field_type").asText();
        if (!TYPES.contains(type)) {
            throw new SpoolmanError(400, "Unknown field type " + type + ".");
        }
        boolean choice = type.equals("choice");
        boolean hasChoices = field.hasNonNull("choices");
        boolean hasMulti = field.hasNonNull("multi_choice");
        if (choice && !hasChoices) {
            throw new SpoolmanError(400, "Choices must be set for field type choice.");
        }
        if (choice && !hasMulti) {
            throw new SpoolmanError(400, "Multi choice must be set for field type choice.");
        }
        if (!choice && hasChoices) {
            throw new SpoolmanError(400, "Choices must not be set for field type other than choice.");
        }
        if (!choice && hasMulti) {
            throw new SpoolmanError(400, "Multi choice must not be set for field type other than choice.");
        }
        if (field.hasNonNull("default_value")) {
            String problem = valueProblem(field, field.get("default_value").asText());
            if (problem != null) {
                throw new SpoolmanError(400, "Default value is not valid: " + problem);
            }
        }
    }

    /** Why a value does not fit a field, or null when it does (validate_extra_field_value). */
    static String valueProblem(ObjectNode field, String value) {
        if (value.length() > MAX_VALUE) {
            return "Value is too big, max size is " + MAX_VALUE + " characters.";
        }
        JsonNode data = decode(value);
        if (data == null) {
            return "Value is not valid JSON.";
        }
        return switch (field.path("field_type").asText()) {
            case "text", "datetime" -> data.isTextual() ? null : "Value is not a string.";
            case "integer" -> data.isIntegralNumber() ? null : "Value is not an integer.";
            case "float" -> data.isNumber() ? null : "Value is not a float.";
            case "boolean" -> data.isBoolean() ? null : "Value is not a boolean.";
            case "integer_range", "float_range" -> rangeProblem(data, field.path("field_type").asText()
                    .equals("integer_range"));
            default -> choiceProblem(field, data);
        };
    }

    private static String rangeProblem(JsonNode data, boolean integers) {
        if (!data.isArray()) {
            return "Value is not a list.";
        }
        if (data.size() != 2) {
            return "Value list must have exactly two values.";
        }
        for (JsonNode item : data) {
            if (!item.isNull() && !(integers ? item.isIntegralNumber() : item.isNumber())) {
                return integers ? "Value list must contain only integers or null." : "Value list must contain only floats or null.";
            }
        }
        return null;
    }

    private static String choiceProblem(ObjectNode field, JsonNode data) {
        Set<String> choices = new HashSet<>();
        field.path("choices").forEach(c -> choices.add(c.asText()));
        if (field.path("multi_choice").asBoolean()) {
            if (!data.isArray()) {
                return "Value is not a list.";
            }
            for (JsonNode item : data) {
                if (!item.isTextual()) {
                    return "Value list must contain only strings.";
                }
                if (!choices.contains(item.asText())) {
                    return "Value list contains invalid choices.";
                }
            }
            return null;
        }
        if (!data.isTextual()) {
            return "Value is not a string.";
        }
        return choices.contains(data.asText()) ? null : "Value is not a valid choice.";
    }

    private Predicate<ObjectNode> termsFilter(String key, ObjectNode field, String value) {
        String type = field.path("field_type").asText();
        boolean multi = field.path("multi_choice").asBoolean();
        List<Predicate<String>> terms = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            if (part.isEmpty()) {
                terms.add(raw -> raw == null || raw.equals("null") || raw.equals("\"\"")
                        || (type.equals("boolean") && raw.equals("false")));
                continue;
            }
            boolean exact = part.length() > 1 && part.startsWith("\"") && part.endsWith("\"");
            String term = exact ? part.substring(1, part.length() - 1) : part;
            terms.add(term(key, type, multi, exact, term));
        }
        return node -> {
            JsonNode raw = node.path("extra").get(key);
            String text = raw == null ? null : raw.asText();
            return terms.stream().anyMatch(t -> t.test(text));
        };
    }

    private static Predicate<String> term(String key, String type, boolean multi, boolean exact, String term) {
        switch (type) {
            case "text" -> {
                String lower = term.toLowerCase(Locale.ROOT);
                return raw -> {
                    String decoded = scalar(raw);
                    return decoded != null && (exact ? decoded.equals(term) : decoded.toLowerCase(Locale.ROOT)
                            .contains(lower));
                };
            }
            case "integer", "float" -> {
                boolean integer = type.equals("integer");
                if (term.contains(":")) {
                    Double[] bounds = bounds(key, term, integer);
                    return raw -> {
                        Double number = number(raw);
                        return number != null && (bounds[0] == null || number >= bounds[0])
                                && (bounds[1] == null || number <= bounds[1]);
                    };
                }
                double wanted = parse(key, term, integer, type);
                return raw -> {
                    Double number = number(raw);
                    return number != null && number == wanted;
                };
            }
            case "boolean" -> {
                String normalized = term.trim().toLowerCase(Locale.ROOT);
                if (!normalized.equals("true") && !normalized.equals("false")) {
                    throw new SpoolmanError(400, "Invalid boolean filter value: '" + term + "'");
                }
                return raw -> normalized.equals(raw);
            }
            case "choice" -> {
                if (multi) {
                    String token = JSON.getNodeFactory().textNode(term).toString();
                    return raw -> raw != null && raw.contains(token);
                }
                return raw -> term.equals(scalar(raw));
            }
            case "datetime" -> {
                if (!term.contains("|")) {
                    return raw -> term.equals(scalar(raw));
                }
                String start = term.substring(0, term.indexOf('|'));
                String end = term.substring(term.indexOf('|') + 1);
                if (start.isEmpty() && end.isEmpty()) {
                    throw new SpoolmanError(400, "Invalid datetime range filter for '" + key + "': '" + term
                            + "'. Expected '<start>|<end>' with at least one end given.");
                }
                return raw -> {
                    String decoded = scalar(raw);
                    return decoded != null && (start.isEmpty() || decoded.compareTo(start) >= 0)
                            && (end.isEmpty() || decoded.compareTo(end) <= 0);
                };
            }
            default -> {
                boolean integer = type.equals("integer_range");
                if (!term.contains(":")) {
                    throw new SpoolmanError(400, "Invalid range filter value for '" + key + "': " + term
                            + ". Expected '<min>:<max>'.");
                }
                Double[] bounds = bounds(key, term, integer);
                return raw -> {
                    JsonNode decoded = raw == null ? null : decode(raw);
                    if (decoded == null || !decoded.isArray() || decoded.size() != 2) {
                        return false;
                    }
                    JsonNode low = decoded.get(0);
                    JsonNode high = decoded.get(1);
                    return (bounds[0] == null || (low.isNumber() && low.asDouble() >= bounds[0]))
                            && (bounds[1] == null || (high.isNumber() && high.asDouble() <= bounds[1]));
                };
            }
        }
    }

    private static Double[] bounds(String key, String term, boolean integer) {
        String low = term.substring(0, term.indexOf(':'));
        String high = term.substring(term.indexOf(':') + 1);
        String kind = integer ? "integer" : "float";
        if (low.isEmpty() && high.isEmpty()) {
            throw new SpoolmanError(400, "Invalid " + kind + " range filter value for '" + key + "': " + term);
        }
        try {
            return new Double[] {low.isEmpty() ? null : parseNumber(low, integer),
                    high.isEmpty() ? null : parseNumber(high, integer)};
        } catch (NumberFormatException e) {
            throw new SpoolmanError(400, "Invalid " + kind + " range filter value for '" + key + "': " + term);
        }
    }

    private static double parse(String key, String term, boolean integer, String type) {
        try {
            return parseNumber(term, integer);
        } catch (NumberFormatException e) {
            throw new SpoolmanError(400, "Invalid " + type + " filter value for '" + key + "': " + term);
        }
    }

    private static double parseNumber(String text, boolean integer) {
        return integer ? Long.parseLong(text.trim()) : Double.parseDouble(text.trim());
    }

    private static Double number(String raw) {
        JsonNode decoded = raw == null ? null : decode(raw);
        return decoded != null && decoded.isNumber() ? decoded.asDouble() : null;
    }

    private static String scalar(String raw) {
        JsonNode decoded = raw == null ? null : decode(raw);
        return decoded == null || decoded.isNull() ? null : decoded.isValueNode() ? decoded.asText() : decoded.toString();
    }

    private Map<String, ObjectNode> byKey(String entity) {
        Map<String, ObjectNode> byKey = new java.util.HashMap<>();
        fields(entity).forEach(f -> byKey.put(f.path("key").asText(), f));
        return byKey;
    }

    private void store(String entity, List<ObjectNode> fields) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        fields.forEach(array::add);
        settings.write("extra_fields_" + entity, array.toString());
    }

    private static Map<String, String> without(Map<String, String> extra, String key) {
        Map<String, String> copy = SpoolmanFields.merge(extra, null);
        copy.remove(key);
        return copy;
    }

    static JsonNode decode(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
