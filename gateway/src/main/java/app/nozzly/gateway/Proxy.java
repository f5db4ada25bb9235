package app.nozzly.gateway;

import java.net.ConnectException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;

/**
 * What happens to each request: normalise, route, answer CORS preflights, hold the client to its share, then
 * forward on the pooled client (plain requests) or tunnel on a connection of its own (WebSocket upgrades).
 * Every path through here ends the client's answer and gives back what it took, exactly once.
 */
final class Proxy {

    /** Hop-by-hop headers (RFC 9110 section 7.6.1) and those only the gateway may set. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port",
            "x-forwarded-prefix", "x-real-ip", "x-request-id", "expect");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade");
    private static final String REQUEST_ID = "X-Request-Id";

    private final GatewayConfig config;
    private final RouteTable routes;
    private final Map<String, Upstream> upstreams;
    private final HttpClient requests;
    private final HttpClient upgrades;
    private final AccessLog accessLog;
    private final ClientShares shares;

    /**
     * @param requests this event loop's own client: a request is proxied on the thread that read it, over a
     *                 connection of the same thread, with no hand-over between event loops
     * @param shares   what each client may hold, counted across all event loops
     */
    Proxy(GatewayConfig config, RouteTable routes, Map<String, Upstream> upstreams, HttpClient requests,
            HttpClient upgrades, AccessLog accessLog, ClientShares shares) {
        this.config = config;
        this.routes = routes;
        this.upstreams = upstreams;
        this.requests = requests;
        this.upgrades = upgrades;
        this.accessLog = accessLog;
        this.shares = shares;
    }

    /** One request's bookkeeping: its id, timing and the single end of its answer. */
    private final class Exchange {

        final HttpServerRequest request;
        final String id = requestId();
        final String client;
        final long started = System.nanoTime();
        final AtomicBoolean ended = new AtomicBoolean();
        String path;
        ErrorFamily family = ErrorFamily.PROBLEM;
        CorsPolicy cors = CorsPolicy.none();
        String upstream = "-";
        Runnable release = () -> { };
        /** Set once the client's connection is handed to the tunnel: its HTTP life ends there, not the exchange. */
        boolean tunnelled;

        Exchange(HttpServerRequest request) {
            this.request = request;
            this.client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
            this.path = request.path();
        }

        /** Gives back the client's share and writes the access log line; runs once whatever ended the exchange. */
        void finish(int status) {
            if (ended.compareAndSet(false, true)) {
                release.run();
                if (accessLog != null) {
                    accessLog.record(id, client, request.method().name(), path, status, upstream,
                            (System.nanoTime() - started) / 1000, request.response().bytesWritten());
                }
            }
        }

        void fail(int status, String code, String message) {
            HttpServerResponse response = request.response();
            if (response.headWritten() || response.closed()) {
                // the answer was already under way: all that is left is to cut it off
                request.connection().close();
                finish(status);
                return;
            }
            response.headers().clear();
            response.setStatusCode(status).putHeader("content-type", family.contentType());
            if (status == 503 || status == 429) {
                response.putHeader("Retry-After", status == 429 ? "1" : "5");
            }
            decorate(this, response.headers());
            response.end(family.body(status, code, message, id)).onComplete(done -> finish(status));
        }
    }

    void handle(HttpServerRequest request) {
        Exchange exchange = new Exchange(request);
        PathNormalizer.Target target;
        try {
            target = PathNormalizer.normalize(request.uri());
        } catch (PathNormalizer.RejectedPath e) {
            exchange.fail(400, "INVALID_PATH", e.getMessage());
            return;
        }
        exchange.path = target.path();
        Optional<RouteTable.Resolved> resolved = routes.resolve(target.path());
        if (resolved.isEmpty()) {
            exchange.fail(404, "NOT_FOUND", "no service serves " + target.path());
            return;
        }
        RouteTable.Resolved route = resolved.get();
        exchange.family = route.family();
        exchange.cors = route.cors();
        String uri = target.query() == null ? route.path() : route.path() + "?" + target.query();
        if (isPreflight(request)) {
            preflight(exchange);
        } else if (isUpgrade(request)) {
            tunnel(exchange, route, uri);
        } else {
            forward(exchange, route, uri);
        }
    }

    private void forward(Exchange exchange, RouteTable.Resolved route, String uri) {
        HttpServerRequest request = exchange.request;
        String length = request.getHeader("content-length");
        if (length != null && tooLarge(length)) {
            exchange.fail(413, "PAYLOAD_TOO_LARGE", "the request body exceeds " + config.limits().maxBodyBytes()
                    + " bytes");
            return;
        }
        if (!ClientShares.acquire(shares.inFlight(), exchange.client, config.limits().inFlightPerClient())) {
            exchange.fail(429, "RATE_LIMIT_EXCEEDED", "too many requests in progress from " + exchange.client);
            return;
        }
        exchange.release = () -> ClientShares.release(shares.inFlight(), exchange.client);
        request.pause();
        request.response().closeHandler(closed -> exchange.finish(499));
        send(exchange, route, uri, upstreams.get(route.upstream()).replicas().size());
    }

    /**
     * Sends the request to a replica. A refused connection means the request never reached the service, so it
     * goes to the next live replica whatever its method; anything later is answered, never retried.
     */
    private void send(Exchange exchange, RouteTable.Resolved route, String uri, int attemptsLeft) {
        HttpServerRequest request = exchange.request;
        Optional<Upstream.Replica> replica = upstreams.get(route.upstream()).pick();
        if (replica.isEmpty()) {
            exchange.fail(503, "SERVICE_UNAVAILABLE", route.upstream() + " is unavailable; retry shortly");
            return;
        }
        exchange.upstream = replica.get().endpoint.toString();
        requests.request(options(request.method(), replica.get(), uri)).onComplete(obtained -> {
            if (obtained.failed()) {
                if (obtained.cause() instanceof ConnectException && attemptsLeft > 1) {
                    replica.get().dead();
                    send(exchange, route, uri, attemptsLeft - 1);
                    return;
                }
                request.resume();
                upstreamFailed(exchange, route, replica.get(), obtained.cause());
                return;
            }
            HttpClientRequest upstreamRequest = obtained.result();
            copyRequestHeaders(exchange, upstreamRequest.headers());
            request.response().closeHandler(closed -> {
                upstreamRequest.reset();
                exchange.finish(499);
            });
            upstreamRequest.send(request).onComplete(answered -> {
                if (answered.failed()) {
                    upstreamFailed(exchange, route, replica.get(), answered.cause());
                    return;
                }
                HttpClientResponse upstreamResponse = answered.result();
                HttpServerResponse response = request.response();
                response.setStatusCode(upstreamResponse.statusCode());
                copyResponseHeaders(upstreamResponse.headers(), response.headers());
                decorate(exchange, response.headers());
                response.send(upstreamResponse).onComplete(sent -> {
                    if (sent.failed()) {
                        upstreamRequest.reset();
                        request.connection().close();
                    }
                    exchange.finish(upstreamResponse.statusCode());
                });
            });
        });
    }

    /**
     * A WebSocket upgrade goes to the service on a connection of its own. Refused (401, 403, 429...), the answer
     * is relayed and that connection closed; accepted (101), both sockets are piped until either side closes;
     * abandoned by the client before the service answers, the upstream connection is reset.
     */
    private void tunnel(Exchange exchange, RouteTable.Resolved route, String uri) {
        HttpServerRequest request = exchange.request;
        if (!ClientShares.acquire(shares.sockets(), exchange.client, config.limits().webSocketsPerClient())) {
            exchange.fail(429, "RATE_LIMIT_EXCEEDED", "too many WebSockets open from " + exchange.client);
            return;
        }
        if (shares.openSockets().incrementAndGet() > config.limits().webSockets()) {
            shares.openSockets().decrementAndGet();
            ClientShares.release(shares.sockets(), exchange.client);
            exchange.fail(503, "SERVICE_UNAVAILABLE", "the gateway holds its most WebSockets; retry shortly");
            return;
        }
        exchange.release = () -> {
            shares.openSockets().decrementAndGet();
            ClientShares.release(shares.sockets(), exchange.client);
        };
        Optional<Upstream.Replica> replica = upstreams.get(route.upstream()).pick();
        if (replica.isEmpty()) {
            exchange.fail(503, "SERVICE_UNAVAILABLE", route.upstream() + " is unavailable; retry shortly");
            return;
        }
        exchange.upstream = replica.get().endpoint.toString();
        request.pause();
        request.connection().closeHandler(closed -> abandoned(exchange, null));
        upgrades.request(options(request.method(), replica.get(), uri)).onComplete(obtained -> {
            if (obtained.failed()) {
                upstreamFailed(exchange, route, replica.get(), obtained.cause());
                return;
            }
            HttpClientRequest upstreamRequest = obtained.result();
            copyRequestHeaders(exchange, upstreamRequest.headers());
            upstreamRequest.putHeader("Connection", "Upgrade").putHeader("Upgrade", request.getHeader("Upgrade"));
            request.connection().closeHandler(closed -> abandoned(exchange, upstreamRequest));
            upstreamRequest.connect().onComplete(answered -> {
                if (answered.failed()) {
                    upstreamFailed(exchange, route, replica.get(), answered.cause());
                    return;
                }
                HttpClientResponse upstreamResponse = answered.result();
                if (upstreamResponse.statusCode() == 101) {
                    splice(exchange, upstreamResponse);
                } else {
                    refused(exchange, upstreamRequest, upstreamResponse);
                }
            });
        });
    }

    private void splice(Exchange exchange, HttpClientResponse upstreamResponse) {
        NetSocket service = upstreamResponse.netSocket();
        // the service may speak first: hold its bytes until the client's side of the tunnel exists
        service.pause();
        HttpServerResponse response = exchange.request.response();
        copyResponseHeaders(upstreamResponse.headers(), response.headers());
        response.putHeader("Connection", "Upgrade");
        response.putHeader("Upgrade", upstreamResponse.getHeader("Upgrade"));
        response.putHeader(REQUEST_ID, exchange.id);
        exchange.tunnelled = true;
        exchange.request.toNetSocket().onComplete(upgraded -> {
            if (upgraded.failed()) {
                service.close();
                exchange.finish(499);
                return;
            }
            NetSocket client = upgraded.result();
            client.closeHandler(closed -> {
                service.close();
                exchange.finish(101);
            });
            service.closeHandler(closed -> {
                client.close();
                exchange.finish(101);
            });
            client.exceptionHandler(e -> client.close());
            service.exceptionHandler(e -> service.close());
            client.pipeTo(service);
            service.pipeTo(client);
        });
    }

    /** The client went away before its upgrade was answered: the service's connection goes too. */
    private static void abandoned(Exchange exchange, HttpClientRequest upstreamRequest) {
        if (exchange.tunnelled) {
            return;
        }
        if (upstreamRequest != null) {
            upstreamRequest.reset();
        }
        exchange.finish(499);
    }

    private void refused(Exchange exchange, HttpClientRequest upstreamRequest, HttpClientResponse upstreamResponse) {
        HttpServerResponse response = exchange.request.response();
        response.setStatusCode(upstreamResponse.statusCode());
        copyResponseHeaders(upstreamResponse.headers(), response.headers());
        decorate(exchange, response.headers());
        response.send(upstreamResponse).onComplete(sent -> {
            // the connection was asked to upgrade: it is never handed back to a pool
            upstreamRequest.connection().close();
            exchange.request.connection().close();
            exchange.finish(upstreamResponse.statusCode());
        });
    }

    private void upstreamFailed(Exchange exchange, RouteTable.Resolved route, Upstream.Replica replica,
            Throwable cause) {
        if (cause instanceof ConnectException) {
            replica.dead();
            exchange.fail(503, "SERVICE_UNAVAILABLE", route.upstream() + " is unavailable; retry shortly");
        } else if (cause instanceof TimeoutException && !exchange.request.response().headWritten()
                && isWaitingForConnection(cause)) {
            exchange.fail(503, "SERVICE_UNAVAILABLE", route.upstream() + " is busy; retry shortly");
        } else if (cause instanceof TimeoutException) {
            exchange.fail(504, "GATEWAY_TIMEOUT", route.upstream() + " did not answer within "
                    + config.timeouts().response().toSeconds() + " s");
        } else {
            // a replica gone while it held the request (killed, restarted): no answer began, so the client may
            // try again, as Envoy answers a reset before the response headers
            exchange.fail(503, "SERVICE_UNAVAILABLE", route.upstream() + " closed the connection before answering;"
                    + " retry shortly");
        }
    }

    /** Vert.x names the connect timeout (which covers the wait for a pooled connection) in its message. */
    private static boolean isWaitingForConnection(Throwable cause) {
        return String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
    }

    private void preflight(Exchange exchange) {
        HttpServerRequest request = exchange.request;
        String origin = request.getHeader("Origin");
        CorsPolicy cors = exchange.cors;
        if (!cors.allows(origin) || !cors.allowsMethod(request.getHeader("Access-Control-Request-Method"))
                || !cors.allowsHeaders(request.getHeader("Access-Control-Request-Headers"))) {
            exchange.fail(403, "CORS_REFUSED", "origin " + origin + " may not " + request.getHeader(
                    "Access-Control-Request-Method") + " this resource");
            return;
        }
        HttpServerResponse response = request.response().setStatusCode(204);
        MultiMap headers = response.headers();
        headers.set("Access-Control-Allow-Methods", String.join(", ", cors.methods()));
        String requested = request.getHeader("Access-Control-Request-Headers");
        if (requested != null && !requested.isBlank()) {
            headers.set("Access-Control-Allow-Headers", requested);
        }
        headers.set("Access-Control-Max-Age", String.valueOf(cors.maxAge().toSeconds()));
        decorate(exchange, headers);
        response.end().onComplete(done -> exchange.finish(204));
    }

    /** Request id, security headers and CORS on every answer the client gets, the gateway's own included. */
    private static void decorate(Exchange exchange, MultiMap headers) {
        headers.set(REQUEST_ID, exchange.id);
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "Cache-Control", "no-store");
        if (!exchange.path.startsWith(RouteTable.OPERATIONS_PREFIX)) {
            // API answers are data, never documents: nothing in them may load or frame anything
            setIfAbsent(headers, "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        if (exchange.request.isSSL()) {
            setIfAbsent(headers, "Strict-Transport-Security", "max-age=31536000");
        }
        String origin = exchange.request.getHeader("Origin");
        if (exchange.cors.allows(origin)) {
            headers.set("Access-Control-Allow-Origin", origin);
            headers.add("Vary", "Origin");
            headers.set("Access-Control-Expose-Headers", String.join(", ", exchange.cors.exposedHeaders()));
        }
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }

    private void copyRequestHeaders(Exchange exchange, MultiMap upstream) {
        HttpServerRequest request = exchange.request;
        Set<String> named = connectionTokens(request.headers());
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(name) && !named.contains(name)) {
                upstream.add(header.getKey(), header.getValue());
            }
        }
        // the gateway says who the client is; whatever the client claimed is gone
        upstream.set("X-Forwarded-For", exchange.client);
        upstream.set("X-Forwarded-Proto", request.isSSL() ? "https" : "http");
        if (request.authority() != null) {
            upstream.set("X-Forwarded-Host", request.authority().toString());
        }
        upstream.set(REQUEST_ID, exchange.id);
    }

    private static void copyResponseHeaders(MultiMap from, MultiMap to) {
        Set<String> named = connectionTokens(from);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_RETURNED.contains(name) && !named.contains(name)) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    /** Headers a Connection header names are hop-by-hop too. */
    private static Set<String> connectionTokens(MultiMap headers) {
        String connection = headers.get("connection");
        if (connection == null) {
            return Set.of();
        }
        Set<String> tokens = new HashSet<>();
        for (String token : connection.split(",")) {
            String name = token.trim().toLowerCase(Locale.ROOT);
            if (!name.equals("upgrade") && !name.equals("keep-alive") && !name.equals("close")) {
                tokens.add(name);
            }
        }
        return tokens;
    }

    private RequestOptions options(HttpMethod method, Upstream.Replica replica, String uri) {
        return new RequestOptions().setMethod(method).setHost(replica.endpoint.host())
                .setPort(replica.endpoint.port()).setURI(uri)
                .setConnectTimeout(config.timeouts().connect().toMillis())
                .setIdleTimeout(config.timeouts().response().toMillis());
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > config.limits().maxBodyBytes();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    private static boolean isUpgrade(HttpServerRequest request) {
        String upgrade = request.getHeader("Upgrade");
        String connection = request.getHeader("Connection");
        return upgrade != null && upgrade.equalsIgnoreCase("websocket") && connection != null
                && connection.toLowerCase(Locale.ROOT).contains("upgrade");
    }

    private static String requestId() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }
}
