package app.nozzly.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * The served OpenAPI document is what the wire carries: every answer a test gets through REST-assured from an
 * operation the document describes is checked against it. The status must be one the operation lists, the
 * content type one it declares, and a JSON body must match the declared schema with no property the schema does
 * not name (a camelCase name where the wire is snake_case, say). A mismatch fails the test that made the call.
 * Installed for every test by {@link OpenApiContractExtension}.
 */
public final class OpenApiContract implements OrderedFilter {

    private static final OpenApiContract INSTANCE = new OpenApiContract();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final Map<String, Document> documents = new ConcurrentHashMap<>();

    private OpenApiContract() {
    }

    /**
     * Makes the check REST-assured's, once: a Quarkus restart between test classes leaves the previous class
     * loader's instance among the filters, which this one replaces.
     */
    public static void install() {
        synchronized (RestAssured.class) {
            List<io.restassured.filter.Filter> filters = new ArrayList<>(RestAssured.filters());
            filters.removeIf(filter -> filter.getClass().getName().equals(OpenApiContract.class.getName()));
            filters.add(INSTANCE);
            RestAssured.replaceFiltersWith(filters);
        }
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getPath() == null || uri.getPath().startsWith("/q/") || response.statusCode() == 101) {
            return response;
        }
        Document document = documents.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), Document::load);
        List<String> problems = document.check(request.getMethod(), uri.getPath(), response);
        if (!problems.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + uri.getPath() + " answered " + response.statusCode()
                    + " in a way the served OpenAPI document does not describe:\n  - " + String.join("\n  - ",
                            problems) + "\nbody: " + abbreviate(response.asString()));
        }
        return response;
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    /** One service's served document, prepared for checking answers. */
    private static final class Document {

        private record Operation(Pattern path, int templated, JsonNode operation) {
        }

        private final JsonNode root;
        private final Map<String, List<Operation>> byMethod = new ConcurrentHashMap<>();
        private final Map<JsonNode, JsonSchema> validators = new ConcurrentHashMap<>();

        private Document(JsonNode root) {
            this.root = root;
            closeObjects(root.path("components").path("schemas"));
            openApiToJsonSchema(root.path("components"));
            for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").properties().iterator(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().properties().iterator(); ops.hasNext();) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (METHODS.contains(op.getKey())) {
                        closeObjects(op.getValue());
                        openApiToJsonSchema(op.getValue());
                        byMethod.computeIfAbsent(op.getKey().toUpperCase(Locale.ROOT), m -> new ArrayList<>())
                                .add(new Operation(template(path.getKey()), count(path.getKey()), op.getValue()));
                    }
                }
            }
            byMethod.values().forEach(list -> list.sort(Comparator.comparingInt(Operation::templated)));
        }

        static Document load(String base) {
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/q/openapi?format=json")).header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                return new Document(JSON.readTree(answer.body()));
            } catch (IOException e) {
                throw new IllegalStateException("the served OpenAPI document of " + base + " could not be read", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        List<String> check(String method, String path, Response response) {
            Optional<Operation> found = byMethod.getOrDefault(method.toUpperCase(Locale.ROOT), List.of()).stream()
                    .filter(op -> op.path().matcher(path).matches()).findFirst();
            if (found.isEmpty()) {
                // not an operation of the document: a 404 or 405 for it is the server's business
                return List.of();
            }
            JsonNode responses = found.get().operation().path("responses");
            String status = String.valueOf(response.statusCode());
            JsonNode declared = responses.has(status) ? responses.get(status) : responses.get("default");
            if (declared == null) {
                return List.of("status " + status + " is not among the operation's responses "
                        + iterable(responses.fieldNames()));
            }
            declared = resolve(declared);
            String body = response.asString();
            JsonNode content = declared.path("content");
            if (body == null || body.isEmpty()) {
                return List.of();
            }
            if (content.isMissingNode() || content.isEmpty()) {
                return List.of("a body was sent, but the document declares none for status " + status);
            }
            String type = response.contentType() == null ? "" : response.contentType().split(";")[0].trim();
            JsonNode media = content.get(type);
            if (media == null) {
                media = content.get("*/*");
            }
            if (media == null) {
                return List.of("content type " + type + " is not declared for status " + status + " (declared: "
                        + iterable(content.fieldNames()) + ")");
            }
            JsonNode schema = media.path("schema");
            if (schema.isMissingNode() || !(type.endsWith("json"))) {
                return List.of();
            }
            return validate(schema, body);
        }

        private List<String> validate(JsonNode schema, String body) {
            JsonNode value;
            try {
                value = JSON.readTree(body);
            } catch (IOException e) {
                return List.of("the body is not JSON though the content type says so");
            }
            JsonSchema validator = validators.computeIfAbsent(schema, declared -> {
                ObjectNode wrapper = JSON.createObjectNode();
                wrapper.putArray("allOf").add(declared);
                wrapper.set("components", root.path("components"));
                return SCHEMAS.getSchema(wrapper);
            });
            return validator.validate(value).stream().map(ValidationMessage::getMessage).sorted()
                    .collect(Collectors.toList());
        }

        private JsonNode resolve(JsonNode node) {
            JsonNode ref = node.get("$ref");
            return ref == null ? node : root.at(ref.asText().substring(1));
        }

        /**
         * OpenAPI 3.0's nullable becomes JSON Schema's null type; a nullable composition ({nullable, allOf: [$ref]})
         * means "null, or what the composition says", as generators read it.
         */
        private static JsonNode openApiToJsonSchema(JsonNode node) {
            if (node.isObject()) {
                ObjectNode object = (ObjectNode) node;
                if (object.path("nullable").asBoolean(false)) {
                    object.remove("nullable");
                    JsonNode type = object.get("type");
                    boolean composed = object.has("allOf") || object.has("anyOf") || object.has("oneOf")
                            || object.has("$ref");
                    if (type != null && type.isTextual() && !composed) {
                        ArrayNode types = object.putArray("type");
                        types.add(type.asText()).add("null");
                    } else {
                        ObjectNode copy = object.deepCopy();
                        object.removeAll();
                        object.putArray("anyOf").add(copy).addObject().put("type", "null");
                    }
                }
                object.properties().forEach(field -> openApiToJsonSchema(field.getValue()));
            } else if (node.isArray()) {
                node.forEach(Document::openApiToJsonSchema);
            }
            return node;
        }

        /** A response object may carry only what its schema names: undeclared properties are mismatches. */
        private static void closeObjects(JsonNode node) {
            if (node.isObject()) {
                ObjectNode object = (ObjectNode) node;
                if (object.has("properties") && !object.has("additionalProperties") && !object.has("allOf")) {
                    object.put("additionalProperties", false);
                }
                object.properties().forEach(field -> closeObjects(field.getValue()));
            } else if (node.isArray()) {
                node.forEach(Document::closeObjects);
            }
        }

        private static Pattern template(String path) {
            return Pattern.compile("^" + Pattern.quote(path).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q") + "/?$");
        }

        private static int count(String path) {
            return (int) path.chars().filter(c -> c == '{').count();
        }

        private static String iterable(Iterator<String> names) {
            List<String> list = new ArrayList<>();
            names.forEachRemaining(list::add);
            return list.toString();
        }
    }
}
