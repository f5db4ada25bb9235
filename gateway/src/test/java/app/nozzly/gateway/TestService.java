package app.nozzly.gateway;

import java.net.ServerSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * A real HTTP server standing where a service stands behind the gateway, answering as Quarkus does: REST
 * under /api, its operations endpoints under /q, and a WebSocket at /ws that refuses an upgrade without
 * {@code Authorization: Bearer good} with a plain 401, as an authenticated Quarkus endpoint does. It counts
 * the connections it holds open, which is what a leaking gateway would show.
 */
final class TestService implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicInteger openSockets = new AtomicInteger();
    private final AtomicInteger stuckRequests = new AtomicInteger();
    private final AtomicInteger probesToLeave = new AtomicInteger();
    private final HttpServer server;
    private final int port;

    TestService() {
        this(freePort());
    }

    TestService(int port) {
        this.port = port;
        server = vertx.createHttpServer()
                .connectionHandler(connection -> {
                    openConnections.incrementAndGet();
                    connection.closeHandler(closed -> openConnections.decrementAndGet());
                })
                .requestHandler(this::handle);
        await(server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture());
    }

    int port() {
        return port;
    }

    int openConnections() {
        return openConnections.get();
    }

    int openSockets() {
        return openSockets.get();
    }

    int stuckRequests() {
        return stuckRequests.get();
    }

    /** The next {@code probes} readiness probes get no answer, as from a replica too busy to answer in time. */
    void leaveProbesUnanswered(int probes) {
        probesToLeave.set(probes);
    }

    int probesStillToLeave() {
        return probesToLeave.get();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/ws")) {
            if (!"Bearer good".equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).putHeader("www-authenticate", "Bearer").end();
                return;
            }
            request.toWebSocket().onSuccess(socket -> {
                openSockets.incrementAndGet();
                socket.closeHandler(closed -> openSockets.decrementAndGet());
                socket.writeTextMessage("hello");
                socket.textMessageHandler(text -> socket.writeTextMessage("echo:" + text));
            });
        } else if (path.equals("/q/health/ready") && probesToLeave.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
            request.pause();
        } else if (path.equals("/api/v1/stuck")) {
            // accepts the request and never answers it
            stuckRequests.incrementAndGet();
            request.connection().closeHandler(closed -> stuckRequests.decrementAndGet());
            request.pause();
        } else if (path.equals("/api/v1/dies")) {
            // a replica killed while it worked on the request: the connection ends with no answer
            request.connection().close();
        } else if (path.equals("/api/v1/echo")) {
            request.body().onSuccess(body -> request.response().putHeader("content-type", "application/octet-stream")
                    .end(body));
        } else if (path.equals("/api/v1/empty")) {
            request.response().setStatusCode(204).end();
        } else if (path.startsWith("/api/") || path.startsWith("/q/")) {
            JsonObject seen = new JsonObject()
                    .put("path", path)
                    .put("query", request.query())
                    .put("x_forwarded_for", request.getHeader("X-Forwarded-For"))
                    .put("x_forwarded_proto", request.getHeader("X-Forwarded-Proto"))
                    .put("x_forwarded_host", request.getHeader("X-Forwarded-Host"))
                    .put("x_request_id", request.getHeader("X-Request-Id"))
                    .put("forwarded", request.getHeader("Forwarded"))
                    .put("authorization", request.getHeader("Authorization"));
            request.response().putHeader("content-type", "application/json").end(seen.encode());
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        await(vertx.close().toCompletionStage().toCompletableFuture());
    }
}
