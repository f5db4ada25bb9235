package app.nozzly.k8s.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform gateway's guarantees (ARCHITECTURE.md, "Gateway route map": the gateway is part of the
 * product) as the routes of a rendered overlay must carry them: the route map and nothing else (no
 * service's /q/), timeouts on every route, WebSockets on routes of their own, a client's forwarding headers
 * dropped, security headers and CORS on every answer, only the gateway's proxies admitted to the services,
 * and Envoy Gateway's policies (components/envoy-gateway) aimed at the Gateway with the settings the
 * standard fields cannot express.
 */
final class GatewayRules {

    /** Response headers on every answer, exactly these values. */
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    /** On every answer of a gateway that terminates TLS. */
    static final String HSTS = "Strict-Transport-Security";

    /** Forwarding headers a client may send that no route passes on (the implementation sets the others). */
    static final List<String> CLIENT_FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-Host", "X-Forwarded-Port",
            "X-Forwarded-Prefix");

    static final List<String> CORS_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    static final List<String> CORS_REQUEST_HEADERS = List.of("authorization", "content-type", "accept", "accept-language",
            "idempotency-key", "x-requested-with");

    static final List<String> CORS_EXPOSED_HEADERS = List.of("X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-RateLimit-Reset", "Retry-After", "X-Total-Count", "Location", "Content-Disposition");

    static final int CORS_MAX_AGE_SECONDS = 600;

    /** An idle WebSocket tunnel is closed after this long; a WebSocket route must allow at least that. */
    static final Duration WEBSOCKET_IDLE = Duration.ofMinutes(5);

    /** Connect timeout to a service: a dead pod is given up on at once (Envoy Gateway's BackendTrafficPolicy). */
    static final String CONNECT_TIMEOUT = "2s";

    /** The label the Gateway puts on its proxy pods (spec.infrastructure.labels) and NetworkPolicies admit. */
    static final String GATEWAY_PROXY_LABEL = "nozzly.app/gateway-proxy";

    /** The namespace label an operator sets where the gateway's proxies or the ingress controller run. */
    static final String GATEWAY_NAMESPACE_LABEL = "nozzly.app/gateway";

    /** The ingress-nginx controller pods (labels of its Helm chart and static manifests). */
    static final Map<String, String> INGRESS_NGINX_CONTROLLER = Map.of("app.kubernetes.io/name", "ingress-nginx",
            "app.kubernetes.io/component", "controller");

    private static final String NGINX = "nginx.ingress.kubernetes.io/";

    /** What the routing components put where the nozzly-gateway settings were not copied in. */
    private static final String UNSET_ORIGIN = "set-by-nozzly-gateway";

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,5})(h|ms|m|s)");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Manifests manifests;
    private final Expectations expectations;
    private final List<String> problems = new ArrayList<>();

    private GatewayRules(Manifests manifests, Expectations expectations) {
        this.manifests = manifests;
        this.expectations = expectations;
    }

    static List<String> check(Manifests manifests, Expectations expectations) {
        GatewayRules rules = new GatewayRules(manifests, expectations);
        List<JsonNode> httpRoutes = manifests.ofKind("HTTPRoute").toList();
        List<JsonNode> ingresses = manifests.ofKind("Ingress").toList();
        if (httpRoutes.isEmpty() && ingresses.isEmpty()) {
            rules.problem("overlay", "has neither HTTPRoutes nor an Ingress: the gateway route map is not served");
            return List.copyOf(rules.problems);
        }
        rules.checkRouteMap(httpRoutes, ingresses);
        httpRoutes.forEach(rules::checkHttpRoute);
        ingresses.forEach(rules::checkIngress);
        rules.checkWebSockets(httpRoutes, ingresses);
        rules.checkGatewaysLabelTheirProxies();
        rules.checkGatewayAdmitted(!httpRoutes.isEmpty(), !ingresses.isEmpty());
        rules.checkEnvoyGatewayPolicies();
        return List.copyOf(rules.problems);
    }

    /**
     * Whether a NetworkPolicy peer names the gateway's proxies or the ingress controller's pods, in the
     * policy's namespace or in a namespace labelled as the gateway's; a whole namespace is never a peer.
     */
    static boolean isGatewayPeer(JsonNode peer) {
        if (peer.has("ipBlock") || !peer.has("podSelector") || peer.path("podSelector").has("matchExpressions")) {
            return false;
        }
        if (peer.has("namespaceSelector")) {
            JsonNode namespaces = peer.path("namespaceSelector");
            if (namespaces.has("matchExpressions") || namespaces.path("matchLabels").size() != 1
                    || !"true".equals(namespaces.path("matchLabels").path(GATEWAY_NAMESPACE_LABEL).asText())) {
                return false;
            }
        }
        JsonNode labels = peer.path("podSelector").path("matchLabels");
        boolean gatewayProxies = !labels.path(GATEWAY_PROXY_LABEL).asText().isEmpty();
        boolean ingressController = INGRESS_NGINX_CONTROLLER.entrySet().stream()
                .allMatch(label -> label.getValue().equals(labels.path(label.getKey()).asText()));
        return gatewayProxies || ingressController;
    }

    private void problem(String object, String message) {
        problems.add(object + ": " + message);
    }

    /** Every prefix of the route map reaches its service, by HTTPRoute and by Ingress where the overlay has them. */
    private void checkRouteMap(List<JsonNode> httpRoutes, List<JsonNode> ingresses) {
        expectations.routes().forEach((prefix, service) -> {
            int servicePort = servicePort(service);
            if (!httpRoutes.isEmpty() && !httpRouted(httpRoutes, prefix, service, servicePort)) {
                problem("HTTPRoutes", "no PathPrefix " + prefix + " routed to " + service + ":" + servicePort);
            }
            if (!ingresses.isEmpty() && !ingressRouted(ingresses, prefix, service)) {
                problem("Ingress", "no Prefix path " + prefix + " routed to " + service);
            }
        });
    }

    private void checkHttpRoute(JsonNode route) {
        String description = Manifests.describe(route);
        boolean tls = false;
        for (JsonNode parent : route.path("spec").path("parentRefs")) {
            Optional<JsonNode> gateway = manifests.named("Gateway", parent.path("name").asText());
            if (gateway.isEmpty()) {
                problem(description, "attaches to Gateway " + parent.path("name").asText() + " that the overlay does not create");
            } else {
                tls |= terminatesTls(gateway.get());
            }
        }
        int index = 0;
        for (JsonNode rule : route.path("spec").path("rules")) {
            String where = description + " rule " + rule.path("name").asText(Integer.toString(index++));
            checkRulePaths(where, rule);
            checkRuleTimeouts(where, rule);
            checkRuleFilters(where, rule, tls);
        }
    }

    /** A rule routes only prefixes of the route map to the service that owns them, never a service's /q/. */
    private void checkRulePaths(String where, JsonNode rule) {
        List<String> services = new ArrayList<>();
        rule.path("backendRefs").forEach(ref -> services.add(ref.path("name").asText()));
        if (rule.path("matches").isEmpty()) {
            problem(where, "has no matches, so it routes every path (/ and each service's /q/)");
        }
        for (JsonNode match : rule.path("matches")) {
            JsonNode path = match.path("path");
            String type = path.path("type").asText("PathPrefix");
            String value = path.path("value").asText("/");
            if (!"PathPrefix".equals(type) && !"Exact".equals(type)) {
                problem(where, "matches " + type + " " + value + "; only PathPrefix and Exact paths of the route map are routed");
                continue;
            }
            for (String service : services) {
                checkRoutedPath(where, value, service);
            }
        }
    }

    private void checkRoutedPath(String where, String path, String service) {
        String nonApplication = expectations.service(service, servicePort(service)).nonApplicationRoot();
        if (covers(path, nonApplication)) {
            problem(where, "routes " + path + " to " + service + ", which exposes its " + nonApplication + "/ endpoints publicly");
        } else if (expectations.routes().entrySet().stream()
                .noneMatch(route -> route.getValue().equals(service) && covers(route.getKey(), path))) {
            problem(where, "routes " + path + " to " + service + ", which is not in the route map of README.md");
        }
    }

    private void checkRuleTimeouts(String where, JsonNode rule) {
        JsonNode timeouts = rule.path("timeouts");
        Optional<Duration> request = duration(timeouts.path("request").asText(""));
        if (request.isEmpty() || request.get().isZero()) {
            problem(where, "has no timeouts.request: a stuck service would hold the client (and a pooled connection) forever");
            return;
        }
        Optional<Duration> backend = duration(timeouts.path("backendRequest").asText(""));
        if (timeouts.has("backendRequest") && (backend.isEmpty() || backend.get().isZero() || backend.get().compareTo(request.get()) > 0)) {
            problem(where, "timeouts.backendRequest " + timeouts.path("backendRequest").asText() + " must be positive and within request "
                    + timeouts.path("request").asText());
        }
    }

    private void checkRuleFilters(String where, JsonNode rule, boolean tls) {
        Set<String> removed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        List<JsonNode> cors = new ArrayList<>();
        for (JsonNode filter : rule.path("filters")) {
            filter.path("requestHeaderModifier").path("remove").forEach(h -> removed.add(h.asText()));
            for (String operation : List.of("set", "add")) {
                filter.path("responseHeaderModifier").path(operation)
                        .forEach(h -> responseHeaders.put(h.path("name").asText().toLowerCase(Locale.ROOT), h.path("value").asText()));
            }
            if ("CORS".equals(filter.path("type").asText())) {
                cors.add(filter.path("cors"));
            }
        }
        List<String> passed = CLIENT_FORWARDING_HEADERS.stream().filter(h -> !removed.contains(h)).toList();
        if (!passed.isEmpty()) {
            problem(where, "passes a client's " + String.join(", ", passed) + " on to the service (RequestHeaderModifier remove)");
        }
        SECURITY_HEADERS.forEach((header, value) -> {
            String actual = responseHeaders.get(header.toLowerCase(Locale.ROOT));
            if (!value.equals(actual)) {
                problem(where, "does not set the security header " + header + ": " + value + (actual == null ? "" : " (has '" + actual + "')"));
            }
        });
        if (tls && !responseHeaders.getOrDefault(HSTS.toLowerCase(Locale.ROOT), "").matches("max-age=[1-9][0-9]*.*")) {
            problem(where, "is served over TLS without " + HSTS + " (max-age)");
        }
        if (cors.isEmpty()) {
            problem(where, "has no CORS filter");
        }
        cors.forEach(filter -> checkCors(where, filter.path("allowCredentials").asBoolean(false),
                texts(filter.path("allowOrigins")), texts(filter.path("allowMethods")), texts(filter.path("allowHeaders")),
                texts(filter.path("exposeHeaders")), filter.path("maxAge").asText("")));
    }

    private void checkCors(String where, boolean credentials, List<String> origins, List<String> methods, List<String> headers,
            List<String> exposed, String maxAge) {
        if (credentials) {
            problem(where, "CORS allows credentials; the platform's clients send bearer tokens, never cookies");
        }
        if (origins.isEmpty() || origins.stream().anyMatch(o -> o.contains(UNSET_ORIGIN))) {
            problem(where, "CORS names no origin (CORS_ALLOWED_ORIGIN of the nozzly-gateway settings, base/kustomization.yaml)");
        }
        if (!sameNames(methods, CORS_METHODS)) {
            problem(where, "CORS methods " + methods + ", not " + CORS_METHODS);
        }
        if (!sameNames(headers, CORS_REQUEST_HEADERS)) {
            problem(where, "CORS request headers " + headers + ", not " + CORS_REQUEST_HEADERS);
        }
        if (!sameNames(exposed, CORS_EXPOSED_HEADERS)) {
            problem(where, "CORS exposed headers " + exposed + ", not " + CORS_EXPOSED_HEADERS);
        }
        if (!Integer.toString(CORS_MAX_AGE_SECONDS).equals(maxAge)) {
            problem(where, "CORS max age '" + maxAge + "', not " + CORS_MAX_AGE_SECONDS + " s");
        }
    }

    /** The Ingress alternative: the same guarantees as ingress-nginx annotations. */
    private void checkIngress(JsonNode ingress) {
        String description = Manifests.describe(ingress);
        JsonNode annotations = ingress.path("metadata").path("annotations");
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                String type = path.path("pathType").asText();
                if (!"Prefix".equals(type) && !"Exact".equals(type)) {
                    problem(description, "path " + path.path("path").asText() + " is " + type + "; only Prefix and Exact paths are routed");
                }
                checkRoutedPath(description, path.path("path").asText("/"), path.path("backend").path("service").path("name").asText());
            }
        }
        if (ingress.path("spec").has("defaultBackend")) {
            problem(description, "has a defaultBackend, which routes every path outside the route map");
        }
        for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
            if (!annotations.path(NGINX + timeout).asText("").matches("[1-9][0-9]*")) {
                problem(description, "has no " + NGINX + timeout + " (seconds): a stuck service would hold the client");
            }
        }
        if (!(annotations.path(NGINX + "proxy-connect-timeout").asText("") + "s").equals(CONNECT_TIMEOUT)) {
            problem(description, "has no " + NGINX + "proxy-connect-timeout of " + CONNECT_TIMEOUT.replace("s", "")
                    + " (seconds): a dead pod is given up on at once");
        }
        checkIngressSecurityHeaders(description, ingress, annotations.path(NGINX + "custom-headers").asText(""));
        if (!"true".equals(annotations.path(NGINX + "enable-cors").asText())) {
            problem(description, "does not enable CORS (" + NGINX + "enable-cors)");
        } else {
            // ingress-nginx allows credentials unless told otherwise
            checkCors(description, !"false".equals(annotations.path(NGINX + "cors-allow-credentials").asText()),
                    list(annotations.path(NGINX + "cors-allow-origin").asText("")),
                    list(annotations.path(NGINX + "cors-allow-methods").asText("")),
                    list(annotations.path(NGINX + "cors-allow-headers").asText("")),
                    list(annotations.path(NGINX + "cors-expose-headers").asText("")),
                    annotations.path(NGINX + "cors-max-age").asText(""));
        }
    }

    private void checkIngressSecurityHeaders(String description, JsonNode ingress, String customHeaders) {
        String namespace = ingress.path("metadata").path("namespace").asText();
        int slash = customHeaders.indexOf('/');
        if (slash < 0 || !customHeaders.substring(0, slash).equals(namespace)) {
            problem(description, NGINX + "custom-headers must name a ConfigMap of namespace " + namespace
                    + " with the security headers, not '" + customHeaders + "'");
            return;
        }
        Optional<JsonNode> headers = manifests.named("ConfigMap", customHeaders.substring(slash + 1));
        if (headers.isEmpty()) {
            problem(description, "takes its security headers from ConfigMap " + customHeaders + " that the overlay does not create");
            return;
        }
        SECURITY_HEADERS.forEach((header, value) -> {
            if (!value.equals(headers.get().path("data").path(header).asText(null))) {
                problem(Manifests.describe(headers.get()), "does not set the security header " + header + ": " + value);
            }
        });
    }

    /**
     * A WebSocket is routed by a rule (or Ingress) of its own that keeps an idle tunnel open for 5 minutes;
     * inside an API rule its 30 s would cut every quiet connection.
     */
    private void checkWebSockets(List<JsonNode> httpRoutes, List<JsonNode> ingresses) {
        expectations.websockets().forEach((path, service) -> {
            if (!httpRoutes.isEmpty()) {
                Optional<JsonNode> rule = httpRoutes.stream()
                        .flatMap(r -> Manifests.stream(r.path("spec").path("rules")))
                        .filter(r -> Manifests.stream(r.path("matches")).anyMatch(m -> path.equals(m.path("path").path("value").asText())))
                        .findFirst();
                if (rule.isEmpty()) {
                    problem("HTTPRoutes", "no rule of its own for the WebSocket " + path + " of " + service);
                } else if (duration(rule.get().path("timeouts").path("request").asText("")).orElse(Duration.ZERO).compareTo(WEBSOCKET_IDLE) < 0) {
                    problem("HTTPRoutes", "the rule of WebSocket " + path + " closes it within " + rule.get().path("timeouts").path("request").asText()
                            + "; an idle tunnel stays open " + WEBSOCKET_IDLE.toMinutes() + " min");
                }
            }
            if (!ingresses.isEmpty()) {
                Optional<JsonNode> ingress = ingresses.stream()
                        .filter(i -> Manifests.stream(i.path("spec").path("rules"))
                                .flatMap(r -> Manifests.stream(r.path("http").path("paths")))
                                .anyMatch(p -> path.equals(p.path("path").asText())))
                        .findFirst();
                if (ingress.isEmpty()) {
                    problem("Ingress", "no path of its own for the WebSocket " + path + " of " + service);
                    return;
                }
                for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
                    int seconds = ingress.get().path("metadata").path("annotations").path(NGINX + timeout).asInt(60);
                    if (seconds < WEBSOCKET_IDLE.toSeconds()) {
                        problem(Manifests.describe(ingress.get()), "closes the WebSocket " + path + " after " + seconds + " s idle ("
                                + NGINX + timeout + "); an idle tunnel stays open " + WEBSOCKET_IDLE.toSeconds() + " s");
                    }
                }
            }
        });
    }

    /** The Gateway's proxies carry the label through which the NetworkPolicies admit them. */
    private void checkGatewaysLabelTheirProxies() {
        manifests.ofKind("Gateway").forEach(gateway -> {
            String label = gateway.path("spec").path("infrastructure").path("labels").path(GATEWAY_PROXY_LABEL).asText();
            if (!Manifests.name(gateway).equals(label)) {
                problem(Manifests.describe(gateway), "must label its proxies " + GATEWAY_PROXY_LABEL + "=" + Manifests.name(gateway)
                        + " (spec.infrastructure.labels) so that the services admit them");
            }
        });
    }

    /** The routing in use (Gateway proxies, ingress-nginx) can reach every routed service's HTTP port. */
    private void checkGatewayAdmitted(boolean gateway, boolean ingress) {
        Map<String, String> proxies = Map.of(GATEWAY_PROXY_LABEL, manifests.ofKind("Gateway").findFirst().map(Manifests::name).orElse(""));
        for (String service : new TreeSet<>(expectations.routes().values())) {
            Optional<JsonNode> deployment = manifests.named("Deployment", service);
            if (deployment.isEmpty()) {
                continue;
            }
            if (gateway && !admits(deployment.get(), proxies)) {
                problem("NetworkPolicies", service + " does not admit the Gateway's proxies (" + GATEWAY_PROXY_LABEL + ") to its HTTP port");
            }
            if (ingress && !admits(deployment.get(), INGRESS_NGINX_CONTROLLER)) {
                problem("NetworkPolicies", service + " does not admit the ingress-nginx controller to its HTTP port");
            }
        }
    }

    private boolean admits(JsonNode deployment, Map<String, String> peerLabels) {
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        JsonNode labels = JSON.valueToTree(peerLabels);
        return manifests.ofKind("NetworkPolicy")
                .filter(p -> Manifests.selects(p.path("spec").path("podSelector"), podLabels))
                .flatMap(p -> Manifests.stream(p.path("spec").path("ingress")))
                .filter(rule -> !rule.path("ports").isEmpty())
                .flatMap(rule -> Manifests.stream(rule.path("from")))
                .anyMatch(peer -> isGatewayPeer(peer) && Manifests.selects(peer.path("podSelector"), labels));
    }

    /** Envoy Gateway's policies have no offline schema: their target and the settings the platform relies on are checked here. */
    private void checkEnvoyGatewayPolicies() {
        manifests.all().filter(o -> o.path("apiVersion").asText().startsWith("gateway.envoyproxy.io/")).forEach(policy -> {
            String description = Manifests.describe(policy);
            JsonNode targets = policy.path("spec").path("targetRefs");
            if (targets.isEmpty()) {
                problem(description, "has no spec.targetRefs");
            }
            for (JsonNode target : targets) {
                if (!"gateway.networking.k8s.io".equals(target.path("group").asText()) || !"Gateway".equals(target.path("kind").asText())
                        || manifests.named("Gateway", target.path("name").asText()).isEmpty()) {
                    problem(description, "targets " + target + ", not a Gateway of the overlay: it would do nothing");
                }
            }
            JsonNode spec = policy.path("spec");
            switch (policy.path("kind").asText()) {
                case "ClientTrafficPolicy" -> {
                    expect(description, spec, "/path/escapedSlashesAction", "RejectRequest");
                    expect(description, spec, "/headers/requestID", "Generate");
                    if (texts(spec.at("/headers/earlyRequestHeaders/remove")).stream().noneMatch("X-Forwarded-For"::equalsIgnoreCase)) {
                        problem(description, "keeps a client's X-Forwarded-For (headers.earlyRequestHeaders.remove): Envoy would append to it");
                    }
                }
                case "BackendTrafficPolicy" -> expect(description, spec, "/timeout/tcp/connectTimeout", CONNECT_TIMEOUT);
                default -> problem(description, "is an Envoy Gateway kind the platform rules do not know");
            }
        });
    }

    private void expect(String description, JsonNode spec, String pointer, String value) {
        if (!value.equals(spec.at(pointer).asText())) {
            problem(description, "spec" + pointer.replace('/', '.') + " must be " + value);
        }
    }

    private int servicePort(String service) {
        return manifests.named("Service", service).map(s -> s.path("spec").path("ports").path(0).path("port").asInt()).orElse(-1);
    }

    private static boolean terminatesTls(JsonNode gateway) {
        return Manifests.stream(gateway.path("spec").path("listeners"))
                .anyMatch(l -> Set.of("HTTPS", "TLS").contains(l.path("protocol").asText()));
    }

    private static boolean httpRouted(List<JsonNode> routes, String prefix, String service, int port) {
        for (JsonNode route : routes) {
            for (JsonNode rule : route.path("spec").path("rules")) {
                boolean matches = Manifests.stream(rule.path("matches"))
                        .anyMatch(m -> "PathPrefix".equals(m.path("path").path("type").asText())
                                && prefix.equals(m.path("path").path("value").asText()));
                boolean backend = Manifests.stream(rule.path("backendRefs"))
                        .anyMatch(ref -> service.equals(ref.path("name").asText()) && ref.path("port").asInt() == port
                                && ref.path("kind").asText("Service").equals("Service"));
                if (matches && backend) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean ingressRouted(List<JsonNode> ingresses, String prefix, String service) {
        return ingresses.stream()
                .flatMap(i -> Manifests.stream(i.path("spec").path("rules")))
                .flatMap(r -> Manifests.stream(r.path("http").path("paths")))
                .anyMatch(p -> "Prefix".equals(p.path("pathType").asText()) && prefix.equals(p.path("path").asText())
                        && service.equals(p.path("backend").path("service").path("name").asText()));
    }

    /** Whether a path prefix matches {@code path}, element by element as Gateway API and Ingress prefixes do. */
    static boolean covers(String prefix, String path) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return p.isEmpty() || path.equals(p) || path.startsWith(p + "/");
    }

    /** A Gateway API duration (1h, 30s, 500ms, 1m30s). */
    static Optional<Duration> duration(String text) {
        if (!text.matches("(" + DURATION.pattern() + "){1,4}")) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher m = DURATION.matcher(text);
        while (m.find()) {
            long amount = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
            });
        }
        return Optional.of(total);
    }

    private static boolean sameNames(List<String> actual, List<String> expected) {
        return lower(actual).equals(lower(expected));
    }

    private static Set<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> texts(JsonNode array) {
        return Manifests.stream(array).map(JsonNode::asText).toList();
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.split("\\s*,\\s*"));
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", "no-store");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        return Collections.unmodifiableMap(headers);
    }
}
