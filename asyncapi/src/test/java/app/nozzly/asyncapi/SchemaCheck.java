package app.nozzly.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Compares a JSON schema of the AsyncAPI document with a Java class of that JSON: the property names Jackson
 * maps (with the naming strategy the class's service configures) and their JSON types, recursively through
 * nested records and lists. The producer's class must match the schema exactly; a consumer's own copy (a
 * tolerant reader) may read fewer properties, never one the schema lacks or with another type.
 */
final class SchemaCheck {

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** The differences between the schema and the producer's class, each naming where; empty when they agree. */
    List<String> compare(String where, JsonNode schema, Class<?> type) {
        return compare(where, schema, type, true);
    }

    /** The properties a consumer's copy reads that the schema lacks or types otherwise; empty when it fits. */
    List<String> compareReader(String where, JsonNode schema, Class<?> type) {
        return compare(where, schema, type, false);
    }

    private List<String> compare(String where, JsonNode schema, Class<?> type, boolean exact) {
        List<String> problems = new ArrayList<>();
        ObjectMapper mapper = mapperFor(type);
        new Comparison(mapper, exact, problems).compare(where, schema, mapper.constructType(type));
        return problems;
    }

    /**
     * The differences between an example's data and its schema: every documented property present, no other, each
     * of a documented JSON type; empty when they agree.
     */
    List<String> checkExample(String where, JsonNode schema, JsonNode data) {
        List<String> problems = new ArrayList<>();
        checkValue(where, schema, data, problems);
        return problems;
    }

    /** What keeps {@code reader} (a producer's class or a consumer's copy) from reading the data; empty if nothing. */
    static List<String> checkReads(String where, JsonNode data, Class<?> reader) {
        try {
            mapperFor(reader).treeToValue(data, reader);
            return List.of();
        } catch (IOException | IllegalArgumentException e) {
            return List.of(where + ": " + reader.getName() + " cannot read it: " + e.getMessage());
        }
    }

    private void checkValue(String where, JsonNode rawSchema, JsonNode value, List<String> problems) {
        JsonNode schema = resolve(rawSchema);
        String actual = value.isNull() ? "null" : value.isTextual() ? "string" : value.isBoolean() ? "boolean"
                : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : value.isArray() ? "array"
                        : "object";
        Set<String> documented = types(schema);
        boolean nullable = schema.path("type").isArray() && schema.path("type").toString().contains("\"null\"");
        if (actual.equals("null")) {
            if (!nullable) {
                problems.add(where + ": null, the document says " + documented);
            }
            return;
        }
        if (!documented.contains(actual) && !(actual.equals("integer") && documented.contains("number"))) {
            problems.add(where + ": a JSON " + actual + ", the document says " + documented);
            return;
        }
        if (actual.equals("array")) {
            value.forEach(item -> checkValue(where + "[]", schema.path("items"), item, problems));
        } else if (actual.equals("object")) {
            JsonNode properties = schema.path("properties");
            Set<String> names = new TreeSet<>();
            properties.fieldNames().forEachRemaining(names::add);
            value.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!properties.has(name)) {
                    problems.add(where + "." + name + ": in the example but not in the document");
                } else if (!value.has(name)) {
                    problems.add(where + "." + name + ": documented but missing from the example");
                } else {
                    checkValue(where + "." + name, properties.get(name), value.get(name), problems);
                }
            }
        }
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are used here: " + ref);
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("unresolvable reference " + ref);
            }
            current = target;
        }
        return current;
    }

    /** One comparison: the producer's or a consumer's mapper, exact or as a tolerant reader. */
    private final class Comparison {

        private final ObjectMapper mapper;
        private final boolean exact;
        private final List<String> problems;

        Comparison(ObjectMapper mapper, boolean exact, List<String> problems) {
            this.mapper = mapper;
            this.exact = exact;
            this.problems = problems;
        }

        void compare(String where, JsonNode rawSchema, JavaType type) {
            JsonNode schema = resolve(rawSchema);
            if (JsonNode.class.isAssignableFrom(type.getRawClass())) {
                return;
            }
            String expected = jsonType(type);
            Set<String> documented = types(schema);
            // a reader may take a documented integer into a decimal
            boolean widened = !exact && expected.equals("number") && documented.contains("integer");
            if (!documented.contains(expected) && !widened) {
                problems.add(where + ": the class maps " + expected + " (" + type.getRawClass().getSimpleName()
                        + "), the document says " + (documented.isEmpty() ? "no type" : documented));
                return;
            }
            if (expected.equals("array")) {
                if (!schema.has("items")) {
                    problems.add(where + ": an array without items");
                } else {
                    compare(where + "[]", schema.get("items"), type.getContentType());
                }
            } else if (expected.equals("object") && !type.isMapLikeType()) {
                compareProperties(where, schema, type);
            }
        }

        private void compareProperties(String where, JsonNode schema, JavaType type) {
            Map<String, JavaType> mapped = properties(type, mapper);
            JsonNode documented = schema.path("properties");
            Set<String> names = new TreeSet<>(mapped.keySet());
            documented.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!documented.has(name)) {
                    problems.add(where + "." + name + ": mapped by " + type.getRawClass().getName()
                            + " but not in the document");
                } else if (!mapped.containsKey(name)) {
                    if (exact) {
                        problems.add(where + "." + name + ": in the document but " + type.getRawClass().getName()
                                + " does not map it");
                    }
                } else {
                    compare(where + "." + name, documented.get(name), mapped.get(name));
                }
            }
        }
    }

    private static Map<String, JavaType> properties(JavaType type, ObjectMapper mapper) {
        BeanDescription description = mapper.getSerializationConfig().introspect(type);
        Map<String, JavaType> properties = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.couldSerialize()) {
                properties.put(property.getName(), property.getPrimaryType());
            }
        }
        return properties;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        types.remove("null");
        return types;
    }

    static String jsonType(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (CharSequence.class.isAssignableFrom(raw) || raw == UUID.class || raw.isEnum() || raw == URI.class
                || raw == Character.class || raw == char.class || Temporal.class.isAssignableFrom(raw)) {
            return "string";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == int.class || raw == long.class || raw == short.class || raw == Integer.class || raw == Long.class
                || raw == Short.class || raw == BigInteger.class) {
            return "integer";
        }
        if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
                || raw == BigDecimal.class) {
            return "number";
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            return "array";
        }
        return "object";
    }

    /** The mapper of the producing service: its configured naming strategy, ISO dates as Quarkus writes them. */
    private static ObjectMapper mapperFor(Class<?> type) {
        JsonMapper.Builder builder = JsonMapper.builder().addModule(new JavaTimeModule());
        PropertyNamingStrategy naming = namingOf(type);
        if (naming != null) {
            builder.propertyNamingStrategy(naming);
        }
        return builder.build();
    }

    /** quarkus.jackson.property-naming-strategy of the application.properties shipped with the class. */
    private static PropertyNamingStrategy namingOf(Class<?> type) {
        Properties config = new Properties();
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path file = location.resolve("application.properties");
                if (Files.exists(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        config.load(in);
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    var entry = jar.getEntry("application.properties");
                    if (entry != null) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            config.load(in);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String naming = config.getProperty("quarkus.jackson.property-naming-strategy");
        if (naming == null) {
            return null;
        }
        return switch (naming) {
            case "SNAKE_CASE" -> PropertyNamingStrategies.SNAKE_CASE;
            case "LOWER_CAMEL_CASE" -> PropertyNamingStrategies.LOWER_CAMEL_CASE;
            case "KEBAB_CASE" -> PropertyNamingStrategies.KEBAB_CASE;
            default -> throw new IllegalStateException("naming strategy " + naming + " of " + type.getName()
                    + " is not known to this check");
        };
    }
}
