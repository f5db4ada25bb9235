package app.nozzly.ordersync.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Fixed-window counters in Postgres, so every replica spends from one budget: a hit is one atomic
 * upsert of the window's row; the answer says whether it fit and what is left.
 */
@ApplicationScoped
public class RateLimiter {

    /** Outcome of one hit: the X-RateLimit-* headers and whether the request may proceed. */
    public record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds) {

        public long retryAfterSeconds() {
            return Math.max(1, resetEpochSeconds - Instant.now().getEpochSecond());
        }
    }

    @Inject
    AgroalDataSource dataSource;

    public Decision hit(String key, int limit, Duration window) {
        long windowSeconds = window.toSeconds();
        long start = Instant.now().getEpochSecond() / windowSeconds * windowSeconds;
        int hits = QuarkusTransaction.requiringNew().call(() -> upsert(
                "insert into rate_bucket (bucket_key, window_start, hits) values (?, ?, ?)"
                        + " on conflict (bucket_key, window_start) do update set hits = rate_bucket.hits + 1"
                        + " returning hits", key, start, 1));
        return new Decision(hits <= limit, limit, Math.max(0, limit - hits), start + windowSeconds);
    }

    /** Aligns our count with what the remote side says is left (Etsy's x-remaining-* headers). */
    public void observeRemaining(String key, int limit, Duration window, int remaining) {
        long windowSeconds = window.toSeconds();
        long start = Instant.now().getEpochSecond() / windowSeconds * windowSeconds;
        int used = Math.max(0, limit - remaining);
        QuarkusTransaction.requiringNew().call(() -> upsert(
                "insert into rate_bucket (bucket_key, window_start, hits) values (?, ?, ?)"
                        + " on conflict (bucket_key, window_start) do update"
                        + " set hits = greatest(rate_bucket.hits, excluded.hits) returning hits", key, start, used));
    }

    /** Windows older than two days count for nothing. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldWindows() {
        long horizon = Instant.now().getEpochSecond() - Duration.ofDays(2).toSeconds();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement delete = c.prepareStatement("delete from rate_bucket where window_start < ?")) {
                delete.setLong(1, horizon);
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not delete old rate limit windows", e);
            }
        });
    }

    private int upsert(String sql, String key, long start, int hits) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, key);
            statement.setLong(2, start);
            statement.setInt(3, hits);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit counter " + key + " could not be updated", e);
        }
    }
}
