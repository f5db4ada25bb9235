package app.nozzly.k8s.validation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The objects of one rendered overlay, with the look-ups the platform rules need. */
public final class Manifests {

    private static final ObjectReader YAML = new YAMLMapper().readerFor(JsonNode.class);

    private final List<JsonNode> objects;

    private Manifests(List<JsonNode> objects) {
        this.objects = List.copyOf(objects);
    }

    public static Manifests parse(String renderedYaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readValues(renderedYaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.isObject()) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new ValidationException("rendered output is not YAML: " + e.getMessage(), e);
        }
        return new Manifests(objects);
    }

    public int size() {
        return objects.size();
    }

    public Stream<JsonNode> all() {
        return objects.stream();
    }

    public Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    public Optional<JsonNode> named(String kind, String name) {
        return ofKind(kind).filter(o -> name.equals(name(o))).findFirst();
    }

    /** The items of a YAML sequence (none when the node is missing). */
    public static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    public static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    public static String describe(JsonNode object) {
        return object.path("kind").asText() + " " + name(object);
    }

    /** Whether every key/value of a label selector's matchLabels is among the given labels. */
    public static boolean selects(JsonNode selector, JsonNode labels) {
        boolean labelSelector = selector.has("matchLabels") || selector.has("matchExpressions");
        // a Service's selector is a plain label map, a workload's a LabelSelector
        JsonNode matchLabels = labelSelector ? selector.path("matchLabels") : selector;
        if (selector.has("matchExpressions")) {
            for (JsonNode expression : selector.get("matchExpressions")) {
                String value = labels.path(expression.path("key").asText()).asText(null);
                boolean listed = false;
                for (JsonNode candidate : expression.path("values")) {
                    listed |= candidate.asText().equals(value);
                }
                boolean holds = switch (expression.path("operator").asText()) {
                    case "In" -> listed;
                    case "NotIn" -> !listed;
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> false;
                };
                if (!holds) {
                    return false;
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : matchLabels.properties()) {
            if (!field.getValue().asText().equals(labels.path(field.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
