package app.nozzly.ordersync.etsy.repository;

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
 * The Etsy API key's request budget (per second and per day, table etsy_request_budget): fixed windows in
 * Postgres, so every replica and shop spends from one budget, as Etsy counts them. Outbound, so not the API's rate
 * limiter (platform-commons), whose counters neither take Etsy's own count nor keep a day's window.
 */
@ApplicationScoped
public class EtsyRequestBudget {

    /** Outcome of spending one request: whether it fits, and when the window ends. */
    public record Spent(boolean allowed, long resetEpochSeconds) {

        public long retryAfterSeconds() {
            return Math.max(1, resetEpochSeconds - Instant.now().getEpochSecond());
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** Spends one request from the window of {@code key} that holds now. */
    public Spent spend(String key, int limit, Duration window) {
        long start = windowStart(window);
        int hits = QuarkusTransaction.requiringNew().call(() -> upsert(
                "insert into etsy_request_budget (bucket_key, window_start, hits) values (?, ?, ?)"
                        + " on conflict (bucket_key, window_start) do update set hits = etsy_request_budget.hits + 1"
                        + " returning hits", key, start, 1));
        return new Spent(hits <= limit, start + window.toSeconds());
    }

    /** Aligns our count with what Etsy says is left (its x-remaining-* headers); never lowers it. */
    public void observeRemaining(String key, int limit, Duration window, int remaining) {
        long start = windowStart(window);
        int used = Math.max(0, limit - remaining);
        QuarkusTransaction.requiringNew().call(() -> upsert(
                "insert into etsy_request_budget (bucket_key, window_start, hits) values (?, ?, ?)"
                        + " on conflict (bucket_key, window_start) do update"
                        + " set hits = greatest(etsy_request_budget.hits, excluded.hits) returning hits",
                key, start, used));
    }

    /** Windows older than two days count for nothing; any replica may delete them. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldWindows() {
        long horizon = Instant.now().getEpochSecond() - Duration.ofDays(2).toSeconds();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement delete = c.prepareStatement(
                            "delete from etsy_request_budget where window_start < ?")) {
                delete.setLong(1, horizon);
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not delete old Etsy budget windows", e);
            }
        });
    }

    private static long windowStart(Duration window) {
        long seconds = window.toSeconds();
        return Instant.now().getEpochSecond() / seconds * seconds;
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
            throw new IllegalStateException("Etsy budget counter " + key + " could not be updated", e);
        }
    }
}
