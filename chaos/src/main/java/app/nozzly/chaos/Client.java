package app.nozzly.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON client of the platform through the gateway that counts every answer by operation and status, so the
 * report can say how many 5xx other than 503 a client saw. No answer within 10 s counts as status 0.
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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();

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

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
