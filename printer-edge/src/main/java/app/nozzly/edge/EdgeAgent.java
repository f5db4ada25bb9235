package app.nozzly.edge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import app.nozzly.edge.CredentialStore.AgentCredential;
import app.nozzly.printer.driver.PrinterEndpoint;
import app.nozzly.printer.edge.EdgeMessage;
import app.nozzly.printer.edge.EdgeProtocol;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.TrustOptions;

/**
 * The agent: one outbound WebSocket to printer-service (reconnected with exponential backoff), the printers the
 * service watches through it, and their commands. A revoked credential (401 on the upgrade, close code 4403) stops
 * it for good with {@link #REVOKED_EXIT}.
 */
public final class EdgeAgent implements Uplink {

    private static final Logger LOG = Logger.getLogger(EdgeAgent.class);
    /** The process exit code of a revoked agent: its systemd unit must not restart it. */
    public static final int REVOKED_EXIT = 3;
    private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final Duration WRITE_QUEUE_WAIT = Duration.ofSeconds(30);
    /** Keeps NAT and gateway idle timers open; a connection whose pings stay unanswered this long is dead. */
    private static final Duration PING_EVERY = Duration.ofSeconds(20);
    private static final Duration PONG_WITHIN = Duration.ofSeconds(60);

    private final EdgeSettings settings;
    private final AgentCredential credential;
    private final String version;
    private final String boot = UUID.randomUUID().toString();
    private final String host = EdgeSettings.hostName();
    private final Vertx vertx = Vertx.vertx();
    private final WebSocketClient client;
    private final Map<String, WatchedPrinter> printers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final Commands commands = new Commands(this, printers::get);
    private final CompletableFuture<Integer> stopped = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile boolean stopping;
    private Duration backoff = Backoff.INITIAL;

    EdgeAgent(EdgeSettings settings, AgentCredential credential, ServerTls tls, String version) {
        this.settings = settings;
        this.credential = credential;
        this.version = version;
        WebSocketClientOptions options = new WebSocketClientOptions().setConnectTimeout(10_000)
                .setMaxFrameSize(256 * 1024).setMaxMessageSize(MAX_MESSAGE_BYTES);
        if ("wss".equals(settings.connectUrl().getScheme())) {
            options.setSsl(true).setTrustOptions(TrustOptions.wrap(tls.trustManager())).setVerifyHost(true);
        }
        this.client = vertx.createWebSocketClient(options);
    }

    /** Connects (and keeps connecting); the future completes with the process's exit code once it stopped. */
    public CompletableFuture<Integer> start() {
        LOG.infof("agent %s (%s, version %s, boot %s) connecting to %s", credential.agentId(), settings.agentName(),
                version, boot, settings.connectUrl());
        connect();
        return stopped;
    }

    public CompletableFuture<Integer> stopped() {
        return stopped;
    }

    /** Closes every driver and the WebSocket; the agent ends with {@code exitCode}. */
    public void stop(int exitCode) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        LOG.infof("agent %s stopping: closing %d printers and the connection", credential.agentId(),
                printers.size());
        List<WatchedPrinter> running = new ArrayList<>(printers.values());
        printers.clear();
        running.forEach(WatchedPrinter::close);
        for (WatchedPrinter printer : running) {
            try {
                printer.awaitClosed(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        WebSocket current = socket;
        socket = null;
        if (current != null && !current.isClosed()) {
            current.close((short) 1001, "agent stopping");
        }
        vertx.close().onComplete(ignored -> stopped.complete(exitCode));
        try {
            stopped.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            stopped.complete(exitCode);
        }
    }

    private void connect() {
        if (stopping) {
            return;
        }
        var url = settings.connectUrl();
        int port = url.getPort() != -1 ? url.getPort() : "wss".equals(url.getScheme()) ? 443 : 80;
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(url.getHost()).setPort(port)
                .setURI(url.getRawPath()).setSsl("wss".equals(url.getScheme()))
                .addHeader(EdgeProtocol.CREDENTIAL_HEADER, credential.credential());
        client.connect(options).onComplete(result -> {
            if (result.succeeded()) {
                opened(result.result());
            } else {
                failed(result.cause());
            }
        });
    }

    private void opened(WebSocket ws) {
        if (stopping) {
            ws.close();
            return;
        }
        socket = ws;
        backoff = Backoff.INITIAL;
        ws.textMessageHandler(this::onFrame);
        ws.binaryMessageHandler(ignored -> LOG.warn("ignored a binary frame: the edge protocol speaks JSON text"));
        ws.exceptionHandler(e -> LOG.infof("WebSocket to %s: %s", settings.connectUrl(), e.getMessage()));
        AtomicLong lastPong = new AtomicLong(System.nanoTime());
        ws.pongHandler(ignored -> lastPong.set(System.nanoTime()));
        long pinger = vertx.setPeriodic(PING_EVERY.toMillis(), ignored -> {
            if (System.nanoTime() - lastPong.get() > PONG_WITHIN.toNanos()) {
                LOG.infof("printer-service at %s answered no ping for %s s: reconnecting", settings.connectUrl(),
                        PONG_WITHIN.toSeconds());
                ws.close((short) 1001, "no pong");
            } else if (!ws.isClosed()) {
                ws.writePing(Buffer.buffer("nozzly"));
            }
        });
        ws.closeHandler(ignored -> {
            vertx.cancelTimer(pinger);
            closed(ws);
        });
        List<String> running = new ArrayList<>(printers.keySet());
        running.sort(null);
        send(new EdgeMessage.Hello(version, boot, host, running));
        LOG.infof("agent %s connected to %s; running %d printers", credential.agentId(), settings.connectUrl(),
                running.size());
    }

    private void closed(WebSocket ws) {
        if (socket == ws) {
            socket = null;
        }
        commands.disconnected();
        printers.values().forEach(WatchedPrinter::disconnected);
        if (stopping) {
            return;
        }
        Short code = ws.closeStatusCode();
        if (code != null && code == EdgeProtocol.REVOKED) {
            revoked("the server closed the connection with code " + code);
            return;
        }
        retry("the connection closed" + (code == null ? "" : " with code " + code
                + (ws.closeReason() == null ? "" : " (" + ws.closeReason() + ")")));
    }

    private void failed(Throwable cause) {
        if (cause instanceof UpgradeRejectedException rejected && rejected.getStatus() == 401) {
            revoked("the server refused the credential (401)");
            return;
        }
        retry("connecting failed: " + cause.getMessage());
    }

    private void revoked(String why) {
        LOG.errorf("agent %s revoked: %s. Stopping; enroll it again with a new code (delete %s)",
                credential.agentId(), why, settings.stateDir().resolve("credential"));
        // stop() waits for the drivers, which must not happen on the event loop
        new Thread(() -> stop(REVOKED_EXIT), "edge-agent-stop").start();
    }

    private void retry(String why) {
        if (stopping) {
            return;
        }
        Duration wait = backoff;
        backoff = Backoff.next(backoff, settings.maxBackoff());
        LOG.infof("printer-service at %s: %s; next attempt in %s s", settings.connectUrl(), why, wait.toSeconds());
        vertx.setTimer(wait.toMillis(), ignored -> connect());
    }

    private void onFrame(String frame) {
        EdgeMessage message;
        try {
            message = EdgeProtocol.read(frame);
        } catch (IllegalArgumentException e) {
            LOG.warnf("ignored a frame from printer-service: %s", e.getMessage());
            return;
        }
        try {
            if (message instanceof EdgeMessage.Watch watch) {
                watch(watch.endpoint());
            } else if (message instanceof EdgeMessage.Unwatch unwatch) {
                unwatch(unwatch.printerId());
            } else if (message instanceof EdgeMessage.Command command) {
                commands.run(command);
            } else if (message instanceof EdgeMessage.Chunk chunk) {
                commands.chunk(chunk);
            } else {
                LOG.warnf("ignored a %s message: only the agent sends those", message.getClass().getSimpleName());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "handling a %s message failed", message.getClass().getSimpleName());
        }
    }

    private void watch(PrinterEndpoint endpoint) {
        if (endpoint == null || endpoint.printerId() == null || endpoint.printerId().isBlank()) {
            LOG.warn("ignored a watch without a printer id");
            return;
        }
        if (stopping) {
            return;
        }
        WatchedPrinter printer = printers.computeIfAbsent(endpoint.printerId(), id -> {
            WatchedPrinter created = new WatchedPrinter(id, vertx, this,
                    sequences.computeIfAbsent(id, ignored -> new AtomicLong()), settings.reportsPerPrinter(),
                    settings.maxBackoff());
            created.start();
            LOG.infof("printer %s: watching %s", id, endpoint);
            return created;
        });
        printer.watch(endpoint);
    }

    private void unwatch(String printerId) {
        WatchedPrinter printer = printerId == null ? null : printers.remove(printerId);
        if (printer != null) {
            printer.close();
            LOG.infof("printer %s: no longer watched, its driver closed", printerId);
        }
    }

    @Override
    public boolean send(EdgeMessage message) {
        WebSocket ws = socket;
        if (ws == null || ws.isClosed()) {
            return false;
        }
        if (!Context.isOnEventLoopThread()) {
            awaitWritable(ws);
        }
        ws.writeTextMessage(EdgeProtocol.write(message));
        return true;
    }

    /** A printer's thread waits while the socket's write queue is full (a large download), the event loop never. */
    private void awaitWritable(WebSocket ws) {
        long deadline = System.nanoTime() + WRITE_QUEUE_WAIT.toNanos();
        while (ws.writeQueueFull() && !ws.isClosed() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
