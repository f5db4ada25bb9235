package app.nozzly.edge;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import app.nozzly.printer.edge.EdgeMessage;
import app.nozzly.printer.edge.EdgeProtocol;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

/**
 * printer-service's side of the agent protocol, as small as the tests need: POST /api/v1/agents/enroll trades one
 * valid code once for a credential, the WebSocket endpoint accepts known credentials and records every message.
 */
final class FakePrinterService implements AutoCloseable {

    static final String CODE = "ABCD-EFGH";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Set<String> credentials = ConcurrentHashMap.newKeySet();
    private final List<EdgeMessage> received = new CopyOnWriteArrayList<>();
    private final List<String> enrollmentNames = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean codeUsed;
    private volatile boolean refuseConnections;
    private volatile ServerWebSocket socket;

    FakePrinterService() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(256 * 1024)
                .setMaxWebSocketMessageSize(16 * 1024 * 1024));
        server.requestHandler(request -> {
            if (request.path().equals("/api/v1/agents/enroll")) {
                request.body().onSuccess(body -> {
                    JsonObject enroll = body.toJsonObject();
                    if (!CODE.equals(enroll.getString("code")) || codeUsed) {
                        request.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                                .end(new JsonObject().put("message", "the enrollment code is unknown, used or expired")
                                        .encode());
                        return;
                    }
                    codeUsed = true;
                    enrollmentNames.add(enroll.getString("name"));
                    String credential = "cred-" + UUID.randomUUID();
                    credentials.add(credential);
                    request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("agent_id", UUID.randomUUID().toString())
                                    .put("credential", credential).encode());
                });
                return;
            }
            if (!request.path().equals(EdgeProtocol.PATH)) {
                request.response().setStatusCode(404).end();
                return;
            }
            if (refuseConnections) {
                request.response().setStatusCode(503).end();
                return;
            }
            if (!credentials.contains(String.valueOf(request.getHeader(EdgeProtocol.CREDENTIAL_HEADER)))) {
                request.response().setStatusCode(401).end();
                return;
            }
            request.toWebSocket().onSuccess(ws -> {
                connections.incrementAndGet();
                socket = ws;
                ws.textMessageHandler(frame -> received.add(EdgeProtocol.read(frame)));
            });
        });
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Accepts this credential on the WebSocket without an enrollment. */
    String credential() {
        String credential = "cred-" + UUID.randomUUID();
        credentials.add(credential);
        return credential;
    }

    void revoke(String credential) {
        credentials.remove(credential);
    }

    List<String> enrollmentNames() {
        return enrollmentNames;
    }

    int connections() {
        return connections.get();
    }

    List<EdgeMessage> received() {
        return received;
    }

    <T extends EdgeMessage> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void send(EdgeMessage message) {
        sendFrame(EdgeProtocol.write(message));
    }

    void sendFrame(String frame) {
        socket.writeTextMessage(frame);
    }

    /** Closes the current WebSocket with this code; while refusing, new upgrades get 503. */
    void close(short code, boolean refuse) {
        refuseConnections = refuse;
        socket.close(code, "test");
    }

    void acceptConnections() {
        refuseConnections = false;
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
