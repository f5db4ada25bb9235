package app.nozzly.stack;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The gateway route map of the architecture page: path prefix to service, longest prefix first. */
final class Routes {

    record Route(String prefix, Service service) {
    }

    record Target(Service service, String path) {
    }

    private static final String SERVICE_OPS = "/services/";

    private final List<Route> routes;
    private final List<Service> services;

    Routes(List<Service> services) {
        this.services = services;
        this.routes = services.stream()
                .flatMap(service -> service.prefixes().stream().map(prefix -> new Route(prefix, service)))
                .sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed())
                .toList();
    }

    List<Route> all() {
        return routes;
    }

    /**
     * The service and path a request goes to. {@code /services/<name>/q/...} reaches a service's own
     * operations endpoints (health, metrics, openapi) through the gateway.
     */
    Optional<Target> resolve(String uri) {
        String path = uri.split("\\?", 2)[0];
        if (path.startsWith(SERVICE_OPS)) {
            String rest = path.substring(SERVICE_OPS.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                String name = rest.substring(0, slash);
                String query = uri.length() > path.length() ? uri.substring(path.length()) : "";
                return services.stream().filter(s -> s.name().equals(name)).findFirst()
                        .map(s -> new Target(s, rest.substring(slash) + query));
            }
            return Optional.empty();
        }
        return routes.stream().filter(r -> matches(path, r.prefix())).findFirst()
                .map(r -> new Target(r.service(), uri));
    }

    private static boolean matches(String path, String prefix) {
        if (prefix.endsWith("/")) {
            return path.startsWith(prefix);
        }
        return path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + "?");
    }
}
