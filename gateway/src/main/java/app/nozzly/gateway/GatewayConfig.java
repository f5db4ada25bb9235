package app.nozzly.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the gateway does is configured here, with defaults sized for one farm's stack on a laptop; nothing
 * is left to a library's default. See the module README for what each limit protects.
 */
public record GatewayConfig(String host, int port, List<Route> routes, Map<String, List<Endpoint>> upstreams,
        Timeouts timeouts, Limits limits, String healthPath, Duration healthInterval, Set<String> operationsPaths,
        Path accessLog) {

    /** A path prefix (whole segments; a prefix ending in / matches below it) served by an upstream. */
    public record Route(String prefix, String upstream, ErrorFamily family, CorsPolicy cors) {
    }

    /** One replica of an upstream service. */
    public record Endpoint(String host, int port) {

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /**
     * @param connect        to obtain a connection to a replica, the wait for a free pooled one included
     * @param response       the longest silence while waiting for or reading an upstream's answer (504 after it)
     * @param clientIdle     a client connection, a WebSocket tunnel included, with no byte either way for this
     *                       long is closed (the services ping their sockets more often than that)
     */
    public record Timeouts(Duration connect, Duration response, Duration clientIdle) {

        public static Timeouts defaults() {
            return new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(5));
        }
    }

    /**
     * @param poolSize            pooled HTTP/1.1 connections per replica
     * @param poolWaitQueue       requests that may wait for a pooled connection per replica; more answer 503
     * @param inFlightPerClient   requests one client address may have in progress; more answer 429
     * @param webSockets          WebSocket tunnels open at once; more answer 503
     * @param webSocketsPerClient WebSocket tunnels of one client address; more answer 429
     * @param maxBodyBytes        largest declared request body (Content-Length); more answer 413
     */
    public record Limits(int poolSize, int poolWaitQueue, int inFlightPerClient, int webSockets,
            int webSocketsPerClient, long maxBodyBytes) {

        public static Limits defaults() {
            return new Limits(128, 1024, 512, 4096, 512, 256L * 1024 * 1024);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a configuration; every setting starts at its documented default. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port = 8080;
        private final List<Route> routes = new ArrayList<>();
        private final Map<String, List<Endpoint>> upstreams = new LinkedHashMap<>();
        private Timeouts timeouts = Timeouts.defaults();
        private Limits limits = Limits.defaults();
        private String healthPath = "/q/health/ready";
        private Duration healthInterval = Duration.ofSeconds(2);
        private Set<String> operationsPaths = Set.of("/q/health", "/q/health/live", "/q/health/ready", "/q/openapi",
                "/q/swagger-ui");
        private Path accessLog;

        public Builder listen(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        public Builder upstream(String name, Endpoint... endpoints) {
            upstreams.put(name, List.of(endpoints));
            return this;
        }

        public Builder route(String prefix, String upstream, ErrorFamily family, CorsPolicy cors) {
            routes.add(new Route(prefix, upstream, family, cors));
            return this;
        }

        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = timeouts;
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = limits;
            return this;
        }

        /** The readiness path probed on every replica; null probes nothing and relies on failed connects alone. */
        public Builder health(String path, Duration interval) {
            this.healthPath = path;
            this.healthInterval = interval;
            return this;
        }

        /** Paths of a service's own operations endpoints reachable under /services/&lt;upstream&gt;. */
        public Builder operationsPaths(Set<String> paths) {
            this.operationsPaths = Set.copyOf(paths);
            return this;
        }

        public Builder accessLog(Path file) {
            this.accessLog = file;
            return this;
        }

        public GatewayConfig build() {
            for (Route route : routes) {
                if (!upstreams.containsKey(route.upstream())) {
                    throw new IllegalArgumentException("route " + route.prefix() + " names unknown upstream "
                            + route.upstream());
                }
            }
            return new GatewayConfig(host, port, List.copyOf(routes), Map.copyOf(upstreams), timeouts, limits,
                    healthPath, healthInterval, operationsPaths, accessLog);
        }
    }
}
