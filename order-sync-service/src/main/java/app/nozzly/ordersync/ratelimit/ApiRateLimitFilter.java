package app.nozzly.ordersync.ratelimit;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.nozzly.ordersync.common.ApiExceptionMappers;
import app.nozzly.ordersync.config.OrderSyncConfig;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * specs/002 Rate Limiting: 1000 authenticated requests per hour per user and 5 Etsy syncs per minute per
 * shop, counted in Postgres so every replica spends from the same budget; X-RateLimit-* on every answer,
 * 429 with Retry-After over the limit.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 20)
public class ApiRateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = ApiRateLimitFilter.class.getName() + ".decision";

    @Inject
    RateLimiter limiter;

    /** Resolved per request: JAX-RS providers are built before config mappings exist. */
    @Inject
    Instance<OrderSyncConfig> config;

    @Inject
    JsonWebToken jwt;

    @Inject
    TenantContext tenants;

    @Override
    public void filter(ContainerRequestContext request) {
        if (jwt.getRawToken() == null) {
            return;
        }
        String tenant = tenants.require();
        RateLimiter.Decision user = limiter.hit("api:" + tenant + ":" + jwt.getSubject(),
                config.get().rateLimit().authenticatedPerHour(), Duration.ofHours(1));
        RateLimiter.Decision shown = user;
        if (user.allowed() && isSync(request)) {
            shown = limiter.hit("sync:" + tenant, config.get().rateLimit().syncPerMinute(), Duration.ofMinutes(1));
        }
        request.setProperty(DECISION, shown);
        if (!shown.allowed()) {
            String what = shown == user ? shown.limit() + " requests per hour" : shown.limit() + " Etsy syncs per minute";
            Response tooMany = ApiExceptionMappers.error(429, "rate limit exceeded: " + what + "; retry after "
                    + shown.retryAfterSeconds() + " s");
            tooMany.getHeaders().putSingle("Retry-After", String.valueOf(shown.retryAfterSeconds()));
            headers(tooMany.getHeaders(), shown);
            request.abortWith(tooMany);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            headers(response.getHeaders(), decision);
        }
    }

    private static boolean isSync(ContainerRequestContext request) {
        return "POST".equals(request.getMethod()) && request.getUriInfo().getPath().replaceAll("/+$", "")
                .endsWith("/api/orders/sync");
    }

    private static void headers(MultivaluedMap<String, Object> headers, RateLimiter.Decision decision) {
        headers.putSingle("X-RateLimit-Limit", String.valueOf(decision.limit()));
        headers.putSingle("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
        headers.putSingle("X-RateLimit-Reset", String.valueOf(decision.resetEpochSeconds()));
    }
}
