package app.nozzly.platform.ratelimit;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.errors.ErrorCodes;
import app.nozzly.platform.errors.ErrorResponses;
import app.nozzly.platform.tenancy.TenantContext;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one rate limiter of the platform: counts each request against the rules of {@link RateLimitConfig} that
 * apply to it, answers 429 with Retry-After in the API's error family when one is spent, and tells every
 * counted answer where it stands (X-RateLimit-Limit, -Remaining, -Reset of the tightest rule). Budgets are
 * fixed windows in Postgres, per tenant and per client, user or team. When the counters cannot be reached,
 * requests pass and the log says so (at most twice a minute): the limits protect capacity, and a database
 * that is away fails those requests on its own (503), so refusing them here would add nothing but an outage.
 */
public class RateLimitFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";
    private static final int MAX_BUCKET = 400;
    private static final AtomicLong LAST_WARNING = new AtomicLong();

    /** Where one rule leaves a request: its limit, what remains, when the window ends. */
    record Decision(String rule, int limit, int hits, Instant reset) {

        int remaining() {
            return Math.max(0, limit - hits);
        }

        boolean exceeded() {
            return hits > limit;
        }
    }

    private record Applied(String rule, RateLimitConfig.Rule settings, String bucket, Instant windowStart) {
    }

    private final Map<Method, Set<String>> annotated = new ConcurrentHashMap<>();

    @Inject
    RateLimitConfig config;

    @Inject
    RateLimitStore store;

    @Inject
    ErrorResponses errors;

    @Inject
    TenantContext tenants;

    @Inject
    JsonWebToken jwt;

    @ServerRequestFilter(priority = Priorities.USER)
    public Response count(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (!config.enabled() || config.rules().isEmpty()) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        List<Applied> applied = applicable(path, request.getMethod(), resource, http);
        if (applied.isEmpty()) {
            return null;
        }
        Map<String, Integer> counted;
        try {
            counted = store.count(applied.stream().map(a -> new RateLimitStore.Hit(a.bucket(), a.windowStart()))
                    .toList());
        } catch (SQLException e) {
            long now = System.currentTimeMillis();
            long last = LAST_WARNING.get();
            if (now - last > 30_000 && LAST_WARNING.compareAndSet(last, now)) {
                LOG.warnf("rate limit counters unavailable, requests pass uncounted: %s", e.getMessage());
            }
            return null;
        }
        List<Decision> decisions = applied.stream().map(a -> new Decision(a.rule(), a.settings().limit(),
                counted.getOrDefault(a.bucket(), 0), a.windowStart().plus(a.settings().window()))).toList();
        Decision tightest = decisions.stream().min(Comparator.comparingInt(Decision::remaining)).orElseThrow();
        request.setProperty(DECISION, tightest);
        List<Decision> exceeded = decisions.stream().filter(Decision::exceeded).toList();
        if (exceeded.isEmpty()) {
            return null;
        }
        Decision refusing = exceeded.stream().max(Comparator.comparing(Decision::reset)).orElseThrow();
        long retryAfter = Math.max(1, refusing.reset().getEpochSecond() - Instant.now().getEpochSecond());
        LOG.debugf("tenant %s: rate limit %s spent on %s", tenants.current().orElse("-"), refusing.rule(), path);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limit", refusing.limit());
        details.put("window_seconds", config.rules().get(refusing.rule()).window().toSeconds());
        details.put("retry_after", retryAfter);
        Map<String, String> headers = new LinkedHashMap<>(headers(refusing));
        headers.put("Retry-After", String.valueOf(retryAfter));
        return errors.render(path, new ApiProblem(429, ErrorCodes.RATE_LIMIT_EXCEEDED, "rate limit of "
                + refusing.limit() + " requests per " + config.rules().get(refusing.rule()).window().toSeconds()
                + " s exceeded; retry in " + retryAfter + " s", details, headers));
    }

    @ServerResponseFilter
    public void tell(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision decision && response.getStatus() != 429) {
            headers(decision).forEach(response.getHeaders()::putSingle);
        }
    }

    private static Map<String, String> headers(Decision decision) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", String.valueOf(decision.limit()));
        headers.put("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
        headers.put("X-RateLimit-Reset", String.valueOf(decision.reset().getEpochSecond()));
        return headers;
    }

    private List<Applied> applicable(String path, String method, ResourceInfo resource, HttpServerRequest http) {
        Set<String> named = resource.getResourceMethod() == null ? Set.of()
                : annotated.computeIfAbsent(resource.getResourceMethod(), m -> names(m, resource.getResourceClass()));
        List<Applied> applied = new ArrayList<>();
        for (Map.Entry<String, RateLimitConfig.Rule> entry : config.rules().entrySet()) {
            RateLimitConfig.Rule rule = entry.getValue();
            boolean selected = rule.paths().map(prefixes -> prefixes.stream().anyMatch(path::startsWith))
                    .orElse(named.contains(entry.getKey()));
            boolean countsMethod = rule.methods().map(methods -> methods.stream()
                    .anyMatch(m -> m.toUpperCase(Locale.ROOT).equals(method))).orElse(true);
            if (selected && countsMethod) {
                long window = rule.window().toSeconds();
                long start = Instant.now().getEpochSecond() / window * window;
                String bucket = entry.getKey() + ":" + tenants.current().orElse("-") + ":" + whose(rule.key(), http);
                applied.add(new Applied(entry.getKey(), rule, bucket.length() > MAX_BUCKET
                        ? bucket.substring(0, MAX_BUCKET) : bucket, Instant.ofEpochSecond(start)));
            }
        }
        return applied;
    }

    private String whose(RateLimitConfig.Key key, HttpServerRequest http) {
        String user = jwt.getRawToken() == null ? "anonymous" : String.valueOf(jwt.getSubject());
        return switch (key) {
            case CLIENT -> "client:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
            case USER -> "user:" + user;
            case TENANT -> "tenant";
            case TEAM -> teamOf(jwt).map(team -> "team:" + team).orElse("user:" + user);
        };
    }

    /** specs/004's team claim; getClaim is generic, so its value is taken as an Object, whatever its JSON type. */
    private static java.util.Optional<String> teamOf(JsonWebToken jwt) {
        Object team = jwt.getRawToken() == null ? null : jwt.getClaim("team_id");
        if (team instanceof jakarta.json.JsonString json) {
            return java.util.Optional.of(json.getString());
        }
        return java.util.Optional.ofNullable(team).map(Object::toString).filter(t -> !t.isBlank());
    }

    private static Set<String> names(Method method, Class<?> type) {
        Set<String> names = new java.util.HashSet<>();
        RateLimited onMethod = method.getAnnotation(RateLimited.class);
        RateLimited onClass = type == null ? null : type.getAnnotation(RateLimited.class);
        for (RateLimited limited : new RateLimited[] { onMethod, onClass }) {
            if (limited != null) {
                names.addAll(List.of(limited.value()));
            }
        }
        return names;
    }
}
