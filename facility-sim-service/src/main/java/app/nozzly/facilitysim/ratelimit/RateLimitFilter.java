package app.nozzly.facilitysim.ratelimit;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import app.nozzly.facilitysim.common.ApiResponse;
import app.nozzly.facilitysim.common.BusinessCode;
import app.nozzly.facilitysim.common.Caller;
import app.nozzly.facilitysim.common.LanguageResolver;
import app.nozzly.facilitysim.config.FacilityConfig;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * specs/004 "Rate Limiting": counts each call of a {@link RateLimited} endpoint (produce per team, the others
 * per user, always within the tenant) and answers 429 in the envelope with X-RateLimit-* headers.
 */
public class RateLimitFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Inject
    RateLimiter limiter;

    @Inject
    FacilityConfig config;

    @Inject
    Caller caller;

    @Inject
    TenantContext tenants;

    @Inject
    LanguageResolver language;

    @ServerRequestFilter
    public Response count(ContainerRequestContext request, ResourceInfo resource) {
        RateLimited limited = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited == null || !config.rateLimit().enabled() || tenants.current().isEmpty()) {
            return null;
        }
        String subject = limited.value() == RateLimitBucket.PRODUCE
                ? caller.team().map(team -> "team:" + team).orElse("user:" + caller.user())
                : "user:" + caller.user();
        RateLimiter.Decision decision = limiter.hit(limited.value(), tenants.require() + ":" + subject);
        request.setProperty(DECISION, decision);
        if (decision.allowed()) {
            return null;
        }
        LOG.infof("rate limit %s exceeded by %s of tenant %s", limited.value(), subject, tenants.require());
        long retryAfter = Math.max(1, decision.resetEpochSecond() - Instant.now().getEpochSecond());
        Response.ResponseBuilder refused = Response.status(BusinessCode.RATE_LIMITED.httpStatus())
                .type(MediaType.APPLICATION_JSON)
                .header("Retry-After", retryAfter)
                .entity(ApiResponse.error(BusinessCode.RATE_LIMITED, language.text(BusinessCode.RATE_LIMITED.message()),
                        new Exceeded(limited.value().name(), decision.limit(), config.rateLimit().window().toSeconds(),
                                retryAfter)));
        headers(refused, decision);
        return refused.build();
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("X-RateLimit-Limit", decision.limit());
            headers.putSingle("X-RateLimit-Remaining", decision.remaining());
            headers.putSingle("X-RateLimit-Reset", decision.resetEpochSecond());
        }
    }

    private static void headers(Response.ResponseBuilder builder, RateLimiter.Decision decision) {
        builder.header("X-RateLimit-Limit", decision.limit())
                .header("X-RateLimit-Remaining", decision.remaining())
                .header("X-RateLimit-Reset", decision.resetEpochSecond());
    }

    /** data of the 429 envelope: which limit, its size and when to retry. */
    public record Exceeded(String limit, int requests, long windowSeconds, long retryAfterSeconds) {
    }
}
