package app.nozzly.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.AsyncResult;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The API gateway of the platform (ARCHITECTURE.md, "Gateway route map"): one HTTP server per event loop in
 * front of the services' replicas. See the module README for what it guarantees and why it is built on Vert.x.
 */
public final class Gateway implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Gateway.class.getName());

    private final GatewayConfig config;
    private final Vertx vertx;
    private final Map<String, Upstream> upstreams = new LinkedHashMap<>();
    private final AccessLog accessLog;
    private final int eventLoops;
    private final HttpClient upgrades;
    private final HttpClient probes;
    private long healthTimer = -1;

    private Gateway(GatewayConfig config) throws IOException {
        this.config = config;
        this.eventLoops = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setPreferNativeTransport(true));
        if (!vertx.isNativeTransportEnabled()) {
            LOG.log(System.Logger.Level.WARNING, "epoll unavailable, the gateway runs on Java NIO: "
                    + vertx.unavailableNativeTransportCause());
        }
        config.upstreams().forEach((name, endpoints) -> upstreams.put(name, new Upstream(name, endpoints)));
        this.accessLog = AccessLog.open(config.accessLog());
        GatewayConfig.Limits limits = config.limits();
        // upgrades never share the request pool: a WebSocket, refused or open, cannot take a connection others need
        this.upgrades = vertx.createHttpClient(clientOptions(config),
                new PoolOptions().setHttp1MaxSize(limits.webSockets()).setMaxWaitQueueSize(0));
        this.probes = vertx.createHttpClient(clientOptions(config).setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(2).setMaxWaitQueueSize(16));
    }

    /** Starts listening on the configured host and port, one server instance per event loop. */
    public static Gateway start(GatewayConfig config) throws Exception {
        Gateway gateway = new Gateway(config);
        try {
            gateway.listen();
        } catch (Exception e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    public int port() {
        return config.port();
    }

    private void listen() throws Exception {
        RouteTable routes = new RouteTable(config);
        ClientShares shares = new ClientShares();
        GatewayConfig.Limits limits = config.limits();
        // each event loop proxies over its own pool, so the configured pool and queue are split between them
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(share(limits.poolSize()))
                .setMaxWaitQueueSize(share(limits.poolWaitQueue()));
        HttpServerOptions server = new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setIdleTimeout((int) config.timeouts().clientIdle().toSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setTcpNoDelay(true)
                .setHandle100ContinueAutomatically(true)
                .setMaxInitialLineLength(8192)
                .setMaxHeaderSize(16 * 1024)
                .setCompressionSupported(false)
                .setDecompressionSupported(false);
        CompletableFuture<String> deployed = new CompletableFuture<>();
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                HttpClient requests = vertx.httpClientBuilder().with(clientOptions(config)).with(pool)
                        .withConnectHandler(Gateway::quietResets).build();
                Proxy proxy = new Proxy(config, routes, upstreams, requests, upgrades, accessLog, shares);
                vertx.createHttpServer(server).requestHandler(proxy::handle).connectionHandler(Gateway::quietResets)
                        .listen()
                        .<Void>mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(eventLoops))
                .onSuccess(deployed::complete).onFailure(deployed::completeExceptionally);
        deployed.get(20, TimeUnit.SECONDS);
        if (config.healthPath() != null) {
            probeAll();
            healthTimer = vertx.setPeriodic(config.healthInterval().toMillis(), id -> probeAll());
        }
    }

    /**
     * A peer that resets its connection (a replica killed, a client gone) is an answer's business, already given
     * by the request it cut; without a handler Vert.x would log each reset as an error.
     */
    private static void quietResets(HttpConnection connection) {
        connection.exceptionHandler(e -> LOG.log(System.Logger.Level.DEBUG, "connection to "
                + connection.remoteAddress() + " failed: " + e.getMessage()));
    }

    private int share(int total) {
        return Math.max(1, (total + eventLoops - 1) / eventLoops);
    }

    /** Readiness of every replica, probed on a client of its own so that probes never queue behind requests. */
    private void probeAll() {
        for (Upstream upstream : upstreams.values()) {
            for (Upstream.Replica replica : upstream.replicas()) {
                probes.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(replica.endpoint.host())
                        .setPort(replica.endpoint.port()).setURI(config.healthPath())
                        .setConnectTimeout(config.timeouts().connect().toMillis())
                        .setIdleTimeout(config.timeouts().connect().toMillis()))
                        .compose(request -> request.send().compose(response -> response.body()
                                .map(body -> response.statusCode())))
                        .onComplete(result -> update(upstream, replica, result));
            }
        }
    }

    /**
     * A replica that answers is ready or not by its status; one that refuses the connection is dead; one that takes
     * the connection and leaves the probe unanswered is alive but too busy, so it leaves the rotation while others
     * are ready and still takes requests when none is (a slow answer beats a 503).
     */
    private static void update(Upstream upstream, Upstream.Replica replica, AsyncResult<Integer> probe) {
        boolean unanswered = probe.failed() && !(probe.cause() instanceof ConnectException);
        if (replica.unansweredProbe(unanswered)) {
            return;
        }
        Upstream.State state = probe.succeeded()
                ? probe.result() == 200 ? Upstream.State.READY : Upstream.State.NOT_READY
                : unanswered ? Upstream.State.NOT_READY : Upstream.State.DEAD;
        if (replica.state != state) {
            LOG.log(System.Logger.Level.INFO, "{0} replica {1}: {2} -> {3}", upstream.name(), replica.endpoint,
                    replica.state, state);
        }
        if (state == Upstream.State.DEAD) {
            replica.dead();
        } else {
            replica.state = state;
        }
    }

    /** The state of each replica as the gateway sees it, for status pages and tests. */
    public Map<String, List<String>> replicaStates() {
        Map<String, List<String>> states = new LinkedHashMap<>();
        upstreams.forEach((name, upstream) -> states.put(name, upstream.replicas().stream()
                .map(r -> r.endpoint + " " + r.state).toList()));
        return states;
    }

    private static HttpClientOptions clientOptions(GatewayConfig config) {
        return new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setPipelining(false)
                .setTcpNoDelay(true)
                .setConnectTimeout((int) config.timeouts().connect().toMillis())
                .setDecompressionSupported(false)
                .setMaxInitialLineLength(8192)
                .setMaxHeaderSize(16 * 1024)
                .setName("gateway");
    }

    @Override
    public void close() {
        if (healthTimer >= 0) {
            vertx.cancelTimer(healthTimer);
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "the gateway did not stop cleanly: " + e.getMessage());
        }
        if (accessLog != null) {
            accessLog.close();
        }
    }
}
