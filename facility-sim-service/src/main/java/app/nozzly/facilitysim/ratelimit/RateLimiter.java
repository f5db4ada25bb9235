package app.nozzly.facilitysim.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.nozzly.facilitysim.config.FacilityConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Fixed-window counters in Postgres: one atomic upsert per request, so every replica counts against the
 * same limit (a replica's memory would let N replicas allow N times the limit).
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    @Inject
    DataSource dataSource;

    @Inject
    FacilityConfig config;

    /** The outcome of one counted request. */
    public record Decision(boolean allowed, int limit, int remaining, long resetEpochSecond) {
    }

    public int limitOf(RateLimitBucket bucket) {
        return switch (bucket) {
            case PRODUCE -> config.rateLimit().produce();
            case STATUS -> config.rateLimit().status();
            case LIST -> config.rateLimit().list();
        };
    }

    public Decision hit(RateLimitBucket bucket, String key) {
        int limit = limitOf(bucket);
        long windowSeconds = Math.max(1, config.rateLimit().window().toSeconds());
        long now = Instant.now().getEpochSecond();
        long windowStart = now - Math.floorMod(now, windowSeconds);
        int hits = increment(bucket.name() + ":" + key, Instant.ofEpochSecond(windowStart));
        return new Decision(hits <= limit, limit, Math.max(0, limit - hits), windowStart + windowSeconds);
    }

    private int increment(String bucketKey, Instant windowStart) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(
                        "insert into rate_limit_counter (bucket_key, window_start, hits) values (?, ?, 1)"
                                + " on conflict (bucket_key, window_start)"
                                + " do update set hits = rate_limit_counter.hits + 1 returning hits")) {
            upsert.setString(1, bucketKey);
            upsert.setTimestamp(2, Timestamp.from(windowStart));
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit counter " + bucketKey + " could not be updated", e);
        }
    }

    /** Old windows only take space: drop those older than a day. */
    @Scheduled(every = "10m", delayed = "1m")
    void purgeExpiredWindows() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from rate_limit_counter where window_start < now() - interval '1 day'")) {
            int removed = delete.executeUpdate();
            LOG.debugf("purged %d expired rate limit windows", removed);
        } catch (SQLException e) {
            LOG.warnf(e, "could not purge expired rate limit windows");
        }
    }
}
