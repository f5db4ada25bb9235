package app.nozzly.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A WebSocket client as a test sees it: every whole text message the server sent, in order, and its close. */
public class WebSocketFeed implements WebSocket.Listener {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Opens a feed at the ws:// address with these headers on the upgrade request, waiting for the handshake. */
    public static WebSocketFeed open(URI address, Map<String, String> headers)
            throws InterruptedException, ExecutionException, TimeoutException {
        return open(new WebSocketFeed(), address, headers);
    }

    /** Opens the given feed (a subclass that reads its messages) at the address. */
    public static <F extends WebSocketFeed> F open(F feed, URI address, Map<String, String> headers)
            throws InterruptedException, ExecutionException, TimeoutException {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        WebSocketFeed listener = feed;
        listener.socket = builder.buildAsync(address, listener).get(20, TimeUnit.SECONDS);
        return feed;
    }

    /** The text messages received so far, in arrival order; the list grows as messages arrive. */
    public List<String> messages() {
        return messages;
    }

    /** Completes with the close status the server sent. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public WebSocket socket() {
        return socket;
    }

    /** Closes the feed normally, waiting until the close frame is sent. */
    public void close() throws InterruptedException, ExecutionException, TimeoutException {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }
}
