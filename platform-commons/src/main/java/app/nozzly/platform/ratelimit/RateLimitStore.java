package app.nozzly.platform.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * The counters, in Postgres so that every replica spends from one budget. A request's buckets are counted in
 * one statement (a multi-row upsert, one round trip, no lock held past it).
 */
@ApplicationScoped
public class RateLimitStore {

    private static final Logger LOG = Logger.getLogger(RateLimitStore.class);

    /** One bucket's window to count a hit in. */
    record Hit(String bucket, Instant windowStart) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RateLimitConfig config;

    /** Counts one hit in each bucket and returns each bucket's hits in its window so far. */
    Map<String, Integer> count(List<Hit> hits) throws SQLException {
        StringBuilder sql = new StringBuilder("insert into platform_rate_limit (bucket, window_start, hits) values ");
        for (int i = 0; i < hits.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, 1)");
        }
        sql.append(" on conflict (bucket, window_start) do update set hits = platform_rate_limit.hits + 1")
                .append(" returning bucket, hits");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (Hit hit : hits) {
                upsert.setString(parameter++, hit.bucket());
                upsert.setTimestamp(parameter++, Timestamp.from(hit.windowStart()));
            }
            Map<String, Integer> counted = new HashMap<>();
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    counted.put(rows.getString(1), rows.getInt(2));
                }
            }
            return counted;
        }
    }

    /** Windows long past count for nothing; any replica may delete them, deleting twice changes nothing. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetPastWindows() {
        Duration longest = config.rules().values().stream().map(RateLimitConfig.Rule::window)
                .max(Duration::compareTo).orElse(Duration.ofHours(1));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from platform_rate_limit where window_start < ?")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(longest.multipliedBy(2))));
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("past rate limit windows not deleted: %s", e.getMessage());
        }
    }
}
