package app.nozzly.printer.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A real WebSocket client of /ws (JDK HttpClient) that keeps every message it receives. */
public final class LiveClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final List<JsonNode> messages;

    private LiveClient(WebSocket socket, List<JsonNode> messages) {
        this.socket = socket;
        this.messages = messages;
    }

    /** Connects to /ws of the service on the port, with the Authorization header when one is given. */
    public static LiveClient connect(int port, String authorization)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
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
        }).get(10, TimeUnit.SECONDS);
        return new LiveClient(socket, messages);
    }

    public List<JsonNode> messages() {
        return messages;
    }

    /** The data of every message of one type, in arrival order. */
    public List<JsonNode> data(String type) {
        return messages.stream().filter(m -> type.equals(m.path("type").asText())).map(m -> m.path("data")).toList();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
