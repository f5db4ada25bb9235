package app.nozzly.printer.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real WebSocket client of /ws (JDK HttpClient) that keeps every message it receives, counts the server's pings
 * (the JDK answers each with a pong) and remembers how the server closed it.
 */
public final class LiveClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final List<JsonNode> messages;
    private final AtomicInteger pings;
    private final CompletableFuture<String> closed;

    private LiveClient(WebSocket socket, List<JsonNode> messages, AtomicInteger pings,
            CompletableFuture<String> closed) {
        this.socket = socket;
        this.messages = messages;
        this.pings = pings;
        this.closed = closed;
    }

    /** Connects to /ws of the service on the port, with the Authorization header when one is given. */
    public static LiveClient connect(int port, String authorization)
            throws InterruptedException, ExecutionException, TimeoutException {
        return connect(port, authorization, Map.of());
    }

    /** Connects with the Authorization header when one is given and the other headers of the upgrade request. */
    public static LiveClient connect(int port, String authorization, Map<String, String> headers)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        AtomicInteger pings = new AtomicInteger();
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        WebSocket socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        messages.add(JSON.readTree(partial.toString()));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
                pings.incrementAndGet();
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode + " " + reason);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        return new LiveClient(socket, messages, pings, closed);
    }

    public List<JsonNode> messages() {
        return messages;
    }

    /** The data of every message of one type, in arrival order. */
    public List<JsonNode> data(String type) {
        return messages.stream().filter(m -> type.equals(m.path("type").asText())).map(m -> m.path("data")).toList();
    }

    /** How many pings the server sent so far. */
    public int pings() {
        return pings.get();
    }

    /** The server's close ("1008 reason") if it closes the connection within the wait, else empty. */
    public Optional<String> closedWithin(Duration wait) {
        try {
            return Optional.of(closed.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
