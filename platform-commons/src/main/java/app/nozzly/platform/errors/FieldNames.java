package app.nozzly.platform.errors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/** Field names as the client wrote them: JSON paths in the service's naming, never Java method or class names. */
final class FieldNames {

    private static final Pattern INDEXED = Pattern.compile("(.*)\\[(\\d*)\\]");
    private static final Map<Class<?>, Map<String, String>> NAMES = new ConcurrentHashMap<>();

    private FieldNames() {
    }

    /**
     * A Bean Validation property path ({@code create.request.lines[0].unitCost}, {@code list.pageSize}) as the
     * client's field ({@code lines[0].unit_cost}, {@code page_size}): the method and parameter segments go, and the
     * field that failed is named as Jackson writes it (its @JsonProperty, else the naming strategy).
     */
    static String ofViolation(ConstraintViolation<?> violation, ObjectMapper json) {
        String path = ofViolation(violation.getPropertyPath().toString(), json);
        Object leaf = violation.getLeafBean();
        String last = lastNode(violation);
        if (leaf == null || last == null || !path.endsWith(translate(last, json))) {
            return path;
        }
        return jsonName(json, leaf.getClass(), last).map(name -> path.substring(0, path.length()
                - translate(last, json).length()) + name).orElse(path);
    }

    private static String lastNode(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getKind() == ElementKind.PROPERTY ? node.getName() : null;
        }
        return name;
    }

    private static Optional<String> jsonName(ObjectMapper json, Class<?> type, String javaName) {
        return NAMES.computeIfAbsent(type, t -> {
            Map<String, String> names = new HashMap<>();
            for (BeanPropertyDefinition property : json.getDeserializationConfig()
                    .introspect(json.constructType(t)).findProperties()) {
                names.put(property.getInternalName(), property.getName());
            }
            return names;
        }).entrySet().stream().filter(e -> e.getKey().equals(javaName)).map(Map.Entry::getValue).findFirst();
    }

    static String ofViolation(String propertyPath, ObjectMapper json) {
        String[] segments = propertyPath.split("\\.");
        // method, then parameter: a body's fields follow them; a query or path parameter is the second segment
        int first = segments.length > 2 ? 2 : segments.length - 1;
        List<String> names = new ArrayList<>();
        for (int i = Math.max(0, first); i < segments.length; i++) {
            names.add(translate(segments[i], json));
        }
        return String.join(".", names);
    }

    private static String translate(String segment, ObjectMapper json) {
        Matcher indexed = INDEXED.matcher(segment);
        if (indexed.matches()) {
            return translate(indexed.group(1), json) + "[" + indexed.group(2) + "]";
        }
        if (segment.startsWith("arg") || segment.startsWith("<")) {
            return segment;
        }
        PropertyNamingStrategy strategy = json.getPropertyNamingStrategy();
        if (strategy instanceof PropertyNamingStrategies.NamingBase naming) {
            return naming.translate(segment);
        }
        return segment;
    }
}
