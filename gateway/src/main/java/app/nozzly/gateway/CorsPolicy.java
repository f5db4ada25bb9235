package app.nozzly.gateway;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may call a route (the Fetch standard's CORS protocol). Bearer tokens, not cookies,
 * carry identity, so credentials are never allowed; preflights are answered by the gateway without a token.
 */
public record CorsPolicy(Set<String> origins, Set<String> methods, Set<String> headers, Set<String> exposedHeaders,
        Duration maxAge) {

    private static final Set<String> DEFAULT_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> DEFAULT_HEADERS = Set.of("authorization", "content-type", "accept",
            "accept-language", "idempotency-key", "x-requested-with");
    private static final Set<String> DEFAULT_EXPOSED = Set.of("X-Request-Id", "X-RateLimit-Limit",
            "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After", "X-Total-Count", "Location",
            "Content-Disposition");
    private static final CorsPolicy NONE = allowing(Set.of());

    public CorsPolicy {
        origins = Set.copyOf(origins);
        methods = methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        headers = headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        exposedHeaders = Set.copyOf(exposedHeaders);
    }

    /** No origin is allowed: browsers on other origins are refused. */
    public static CorsPolicy none() {
        return NONE;
    }

    /** The given origins ({@code *} for any) with the methods, headers and exposed headers our APIs use. */
    public static CorsPolicy allowing(Set<String> origins) {
        return new CorsPolicy(origins, DEFAULT_METHODS, DEFAULT_HEADERS, DEFAULT_EXPOSED, Duration.ofMinutes(10));
    }

    boolean allows(String origin) {
        return origin != null && (origins.contains("*") || origins.contains(origin));
    }

    boolean allowsMethod(String method) {
        return method != null && methods.contains(method.toUpperCase(Locale.ROOT));
    }

    /** True when every header of an Access-Control-Request-Headers list is allowed. */
    boolean allowsHeaders(String requested) {
        if (requested == null || requested.isBlank()) {
            return true;
        }
        for (String header : requested.split(",")) {
            if (!header.isBlank() && !headers.contains(header.trim().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
