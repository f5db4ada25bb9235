package app.nozzly.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.testing.TestTokens;

/**
 * Walks every operation of one service's served document with malformed input: hostile path and query values,
 * each body field replaced by hostile values, unknown and camelCased fields, bodies that are not JSON or not
 * the right JSON, wrong content types, and six identical creates at once. Each request goes as one of the
 * tenants with every role; every answer is recorded, a 5xx or a request that hangs is a finding.
 */
final class Fuzzer {

    /** One answer that should not have happened. */
    record Finding(String service, String method, String path, String body, int status, String answer) {

        @Override
        public String toString() {
            return service + ": " + method + " " + path + " -> " + (status < 0 ? "no answer within the timeout"
                    : status + " " + abbreviate(answer)) + (body == null ? "" : "\n      body: " + abbreviate(body));
        }
    }

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String service;
    private final String base;
    private final JsonNode document;
    private final List<String> tenants;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final ExecutorService pool;
    private final Values values;
    private final Random random = new Random(42);
    private final List<Finding> findings = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private int operations;

    Fuzzer(String service, String base, JsonNode document, List<String> tenants, HttpClient http,
            ExecutorService pool) {
        this.service = service;
        this.base = base;
        this.document = document;
        this.tenants = tenants;
        this.http = http;
        this.pool = pool;
        this.values = new Values(document);
    }

    String service() {
        return service;
    }

    List<Finding> findings() {
        return findings;
    }

    int sent() {
        return sent.get();
    }

    int operations() {
        return operations;
    }

    Map<Integer, AtomicInteger> statuses() {
        return statuses;
    }

    void run(long deadlineNanos) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").properties().iterator(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().properties().iterator(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey()) || System.nanoTime() > deadlineNanos) {
                    continue;
                }
                operations++;
                fuzz(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), op.getValue());
            }
        }
    }

    private void fuzz(String method, String template, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> parameters.add(values.resolve(p)));
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        String plausiblePath = fill(template, parameters, null, null);
        String plausibleBody = bodySchema.isMissingNode() ? null : values.plausible(bodySchema, null, 0).toString();
        List<CompletableFuture<Void>> requests = new ArrayList<>();

        requests.add(send(method, plausiblePath, plausibleBody, "application/json"));
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            for (String hostile : Values.HOSTILE_TEXT) {
                if (in.equals("path")) {
                    requests.add(send(method, fill(template, parameters, name, hostile), plausibleBody,
                            "application/json"));
                } else if (in.equals("query")) {
                    requests.add(send(method, plausiblePath + (plausiblePath.contains("?") ? "&" : "?") + name + "="
                            + hostile, plausibleBody, "application/json"));
                }
            }
        }
        requests.add(send(method, plausiblePath + "?unknown_parameter=%00&page=-1&size=999999999&limit=abc",
                plausibleBody, "application/json"));
        if (!bodySchema.isMissingNode()) {
            for (String field : values.properties(bodySchema)) {
                for (String hostile : Values.HOSTILE) {
                    requests.add(send(method, plausiblePath, replace(plausibleBody, field, hostile),
                            "application/json"));
                }
                requests.add(send(method, plausiblePath, rename(plausibleBody, field, camel(field)),
                        "application/json"));
            }
            requests.add(send(method, plausiblePath, replace(plausibleBody, "unknown_field", "1"),
                    "application/json"));
            for (String body : Values.HOSTILE_BODIES) {
                requests.add(send(method, plausiblePath, body, "application/json"));
            }
            requests.add(send(method, plausiblePath, plausibleBody, "text/plain"));
            requests.add(send(method, plausiblePath, "<a/>", "application/xml"));
            requests.add(send(method, plausiblePath, null, "application/json"));
            if (method.equals("POST")) {
                // six identical creates at once: one may win, the others must be told why, never a 500
                for (int i = 0; i < 6; i++) {
                    requests.add(send(method, plausiblePath, plausibleBody, "application/json"));
                }
            }
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> send(String method, String path, String body, String contentType) {
        String tenant = tenants.get(random.nextInt(tenants.size()));
        // logout revokes the token it is given, everywhere: it gets one of its own
        String token = path.contains("logout") ? TestTokens.token(tenant, "owner", "teacher")
                : tokens.computeIfAbsent(tenant, t -> TestTokens.token(t, "owner", "teacher"));
        return CompletableFuture.runAsync(() -> {
            HttpRequest.Builder request;
            try {
                request = HttpRequest.newBuilder(URI.create(base + path));
            } catch (IllegalArgumentException e) {
                // a target java.net.URI refuses is one no HTTP client sends either
                return;
            }
            request.timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .header("Content-Type", contentType)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            sent.incrementAndGet();
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                if (answer.statusCode() >= 500) {
                    findings.add(new Finding(service, method, path, body, answer.statusCode(), answer.body()));
                }
            } catch (HttpTimeoutException e) {
                findings.add(new Finding(service, method, path, body, -1, ""));
            } catch (IOException e) {
                statuses.computeIfAbsent(0, s -> new AtomicInteger()).incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, pool);
    }

    private String fill(String template, List<JsonNode> parameters, String hostileName, String hostile) {
        Matcher matcher = TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals(hostileName) ? hostile : parameters.stream()
                    .filter(p -> p.path("name").asText().equals(name)).findFirst()
                    .map(p -> values.plausible(p.path("schema"), name, 0).asText()).orElse("1");
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The body with one field's value replaced by a raw JSON text, which may be no valid JSON value at all. */
    private static String replace(String body, String field, String rawValue) {
        ObjectNode object = parse(body);
        object.put(field, "__FUZZ__");
        return object.toString().replace("\"__FUZZ__\"", rawValue);
    }

    private static String rename(String body, String field, String newName) {
        ObjectNode object = parse(body);
        if (!newName.equals(field)) {
            object.set(newName, object.remove(field));
        }
        return object.toString();
    }

    private static ObjectNode parse(String body) {
        try {
            JsonNode node = Values.JSON.readTree(body);
            return node instanceof ObjectNode object ? object : Values.JSON.createObjectNode();
        } catch (IOException e) {
            return Values.JSON.createObjectNode();
        }
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
