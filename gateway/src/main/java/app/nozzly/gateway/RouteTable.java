package app.nozzly.gateway;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Path prefix to upstream, longest prefix first, on normalised paths only. {@code /services/<upstream>/q/...}
 * reaches a service's own operations endpoints, but only those configured (health and OpenAPI by default).
 */
final class RouteTable {

    /** Where a request goes: the upstream, the path it sees there, and the route's error family and CORS policy. */
    record Resolved(String upstream, String path, ErrorFamily family, CorsPolicy cors) {
    }

    static final String OPERATIONS_PREFIX = "/services/";

    private final List<GatewayConfig.Route> routes;
    private final Set<String> upstreams;
    private final Set<String> operationsPaths;

    RouteTable(GatewayConfig config) {
        this.routes = config.routes().stream()
                .sorted(Comparator.comparingInt((GatewayConfig.Route r) -> r.prefix().length()).reversed())
                .toList();
        this.upstreams = config.upstreams().keySet();
        this.operationsPaths = config.operationsPaths();
    }

    Optional<Resolved> resolve(String path) {
        if (path.startsWith(OPERATIONS_PREFIX)) {
            String rest = path.substring(OPERATIONS_PREFIX.length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                return Optional.empty();
            }
            String upstream = rest.substring(0, slash);
            String target = rest.substring(slash);
            if (!upstreams.contains(upstream) || operationsPaths.stream()
                    .noneMatch(allowed -> target.equals(allowed) || target.startsWith(allowed + "/"))) {
                return Optional.empty();
            }
            return Optional.of(new Resolved(upstream, target, ErrorFamily.PROBLEM, CorsPolicy.none()));
        }
        for (GatewayConfig.Route route : routes) {
            if (matches(path, route.prefix())) {
                return Optional.of(new Resolved(route.upstream(), path, route.family(), route.cors()));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String path, String prefix) {
        if (prefix.endsWith("/")) {
            return path.startsWith(prefix);
        }
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
