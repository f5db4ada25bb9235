package app.nozzly.printer.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import app.nozzly.printer.config.PrinterConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;

/**
 * The rate limits of specs/003 (per client IP: 1000 requests/hour, status reads 120/minute) and specs/002
 * (authenticated requests 1000/hour, print operations 100/minute), with X-RateLimit-Limit/-Remaining/-Reset
 * headers. Counters are fixed windows in Postgres, so they hold across replicas, and are kept per tenant.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String DECISION = RateLimiter.class.getName();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PrinterConfig config;

    @Inject
    JsonWebToken jwt;

    record Decision(int limit, long remaining, long resetEpochSeconds) {
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!config.rateLimit().enabled() || !path.startsWith("/api/")) {
            return null;
        }
        boolean bambu = path.startsWith("/api/bambu");
        Object tenant = jwt.getRawToken() == null ? null : jwt.getClaim("tenant_id");
        // counted per tenant, so one tenant's traffic never uses up another's (even behind one gateway IP)
        String client = bambu && tenant != null ? "user:" + tenant + ":" + jwt.getSubject()
                : "ip:" + (tenant == null ? "" : tenant + ":") + clientIp(request, http);
        String family = bambu ? "bambu" : "v1";
        Decision general = count(family + ":" + client, Duration.ofHours(1), config.rateLimit().perHour());
        String method = request.getMethod();
        Decision specific = null;
        if (!bambu && "GET".equals(method) && path.startsWith("/api/v1/printers")) {
            specific = count("status:" + client, Duration.ofMinutes(1), config.rateLimit().statusPerMinute());
        } else if ("POST".equals(method) && (path.startsWith("/api/bambu/scheduled-prints") || path.endsWith("/cancel"))) {
            specific = count("print-ops:" + client, Duration.ofMinutes(1), config.rateLimit().printOperationsPerMinute());
        }
        // the tighter of the two limits is the one the client is told about and held to
        Decision strictest = specific != null && specific.remaining() < general.remaining() ? specific : general;
        request.setProperty(DECISION, strictest);
        if (strictest.remaining() < 0) {
            long retryAfter = Math.max(1, strictest.resetEpochSeconds() - Instant.now().getEpochSecond());
            String message = "rate limit of " + strictest.limit() + " requests exceeded; retry in " + retryAfter + " s";
            Object body = bambu ? java.util.Map.of("error", message, "status", 429)
                    : java.util.Map.of("error", java.util.Map.of("code", "RATE_LIMIT_EXCEEDED", "message", message,
                            "details", java.util.Map.of("limit", strictest.limit(), "retry_after", retryAfter),
                            "timestamp", Instant.now().toString(), "request_id",
                            "req_" + java.util.UUID.randomUUID().toString().substring(0, 8)));
            Response.ResponseBuilder builder = Response.status(429).type(MediaType.APPLICATION_JSON).entity(body)
                    .header("Retry-After", retryAfter);
            headers(strictest, builder);
            return builder.build();
        }
        return null;
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision decision && response.getStatus() != 429) {
            response.getHeaders().putSingle("X-RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("X-RateLimit-Remaining", Math.max(0, decision.remaining()));
            response.getHeaders().putSingle("X-RateLimit-Reset", decision.resetEpochSeconds());
        }
    }

    private static void headers(Decision decision, Response.ResponseBuilder builder) {
        builder.header("X-RateLimit-Limit", decision.limit()).header("X-RateLimit-Remaining", 0)
                .header("X-RateLimit-Reset", decision.resetEpochSeconds());
    }

    private static String clientIp(ContainerRequestContext request, HttpServerRequest http) {
        String forwarded = request.getHeaderString("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().host();
    }

    private Decision count(String bucket, Duration window, int limit) {
        long windowSeconds = window.toSeconds();
        long start = Instant.now().getEpochSecond() / windowSeconds * windowSeconds;
        String sql = "insert into rate_limit_window (bucket, window_start, hits) values (?, ?, 1)"
                + " on conflict (bucket, window_start) do update set hits = rate_limit_window.hits + 1 returning hits";
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, bucket.length() > 300 ? bucket.substring(0, 300) : bucket);
            upsert.setTimestamp(2, Timestamp.from(Instant.ofEpochSecond(start)));
            try (ResultSet rows = upsert.executeQuery()) {
                rows.next();
                return new Decision(limit, limit - rows.getLong(1), start + windowSeconds);
            }
        } catch (SQLException e) {
            // a counting failure must not take the API down: let the request through, say so in the log
            LOG.warnf("rate limit counter for %s unavailable: %s", bucket, e.getMessage());
            return new Decision(limit, limit, start + windowSeconds);
        }
    }

    @Scheduled(every = "10m", delayed = "1m")
    void forgetOldWindows() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from rate_limit_window where window_start < ?")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofHours(2))));
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("cannot prune rate limit windows: %s", e.getMessage());
        }
    }
}
