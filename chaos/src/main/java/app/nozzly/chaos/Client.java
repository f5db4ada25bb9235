package app.nozzly.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON client of the platform through the gateway that counts every answer by operation and status, so the
 * report can say how many 5xx other than 503 a client saw, and which. No answer within 10 s counts as status 0.
 */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer, or status 0 when none came (refused connection, timeout). */
    record Reply(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The platform said no for a reason of the request's own: it will say so again. */
        boolean refused() {
            return status >= 400 && status < 500 && status != 408 && status != 429;
        }

        /** Nothing definite: no answer, a 5xx or a throttle; the outcome of a write is unknown. */
        boolean unknown() {
            return !ok() && !refused();
        }
    }

    /** A 5xx other than 503: when, what was asked, and what the platform said, for the report. */
    record ServerError(LocalTime at, String operation, String method, String path, int status, String body) {

        @Override
        public String toString() {
            return at + " " + operation + " " + method + " " + path + " -> " + status + " " + body;
        }
    }

    private static final int KEPT_BODY = 400;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();
    private final List<ServerError> serverErrors = new CopyOnWriteArrayList<>();

    Client(String base) {
        this.base = base;
    }

    Reply send(String operation, String method, String path, String token, Object body,
            Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            count(operation, answer.statusCode());
            if (answer.statusCode() >= 500 && answer.statusCode() != 503) {
                String text = answer.body() == null ? "" : answer.body();
                serverErrors.add(new ServerError(LocalTime.now().withNano(0), operation, method, path,
                        answer.statusCode(), text.length() > KEPT_BODY ? text.substring(0, KEPT_BODY) : text));
            }
            JsonNode json = answer.body() == null || answer.body().isBlank() ? JSON.nullNode() : parse(answer.body());
            return new Reply(answer.statusCode(), json);
        } catch (IOException e) {
            count(operation, 0);
            return new Reply(0, JSON.nullNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, JSON.nullNode());
        }
    }

    Reply send(String operation, String method, String path, String token, Object body) {
        return send(operation, method, path, token, body, Map.of());
    }

    private void count(String operation, int status) {
        statuses.computeIfAbsent(operation, o -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    /** Operation to status to count, sorted for the report. */
    Map<String, Map<Integer, Integer>> statuses() {
        Map<String, Map<Integer, Integer>> copy = new TreeMap<>();
        statuses.forEach((operation, byStatus) -> {
            Map<Integer, Integer> counts = new TreeMap<>();
            byStatus.forEach((status, count) -> counts.put(status, count.get()));
            copy.put(operation, counts);
        });
        return copy;
    }

    /** Every 5xx other than 503 this client was answered, in order. */
    List<ServerError> serverErrors() {
        return List.copyOf(serverErrors);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
