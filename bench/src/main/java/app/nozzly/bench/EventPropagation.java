package app.nozzly.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scenario 2: a stock movement committed in inventory-service -> the consuming service's effect committed
 * (its processed-event row), at 200 events/s. Both instants are read from Postgres, where the two
 * services keep their outbox and processed-event log, after 5 s of the same load to warm the path up (as the other
 * scenarios warm theirs). Baseline: bare Kafka produce -> consume.
 * Target: p99 under 100 ms and under 5x the baseline's p99.
 */
final class EventPropagation implements Scenario {

    private static final double RATE = 200;

    private final String consumerSchema;

    EventPropagation(String consumerSchema) {
        this.consumerSchema = consumerSchema;
    }

    @Override
    public String name() {
        return "2 event propagation";
    }

    @Override
    public Result run(Context context) throws Exception {
        Api api = context.api();
        api.post("/api/v1/material-types", Map.of("code", "PLA", "name", "PLA", "density_g_cm3", 1.24));
        JsonNode spool = api.post("/api/v1/spools", Map.of("brand", "Bench", "color", "Black", "material_type", "PLA",
                "initial_weight_grams", 1_000_000, "cost_per_gram", 0.02)).require();
        String spoolId = spool.get("id").asText();
        Load.Operation receipt = (client, sequence) -> api.post("/api/v1/inventory/movements",
                Map.of("idempotency_key", "bench-" + UUID.randomUUID(), "cause", Map.of("type", "user", "id", "bench"),
                        "lines", java.util.List.of(Map.of("item_type", "spool", "item_id", spoolId, "kind",
                                "receipt", "quantity", 1, "unit", "g")))).ok();
        Load.open(16, RATE, context.duration(5), receipt);
        awaitConsumerIdle(context.jdbcUrl());
        Instant from = Instant.now();
        try (ProcessStats stats = new ProcessStats(context.servicePids())) {
            Measurement trigger = Load.open(16, RATE, context.duration(20), receipt);
            Thread.sleep(3000);
            Measurement propagation = propagation(context.jdbcUrl(), from);
            propagation.window(trigger.seconds());
            Measurement baseline = KafkaBaseline.run(context.kafka(), RATE, context.duration(20));
            boolean met = propagation.count() > 0 && propagation.percentileMillis(99) < 100
                    && propagation.percentileMillis(99) < 5 * baseline.percentileMillis(99)
                    && trigger.throughput() >= 0.95 * RATE;
            return new Result(name(), propagation, baseline, "all accepted at the offered rate, p99 < 100 ms and"
                    + " < 5x baseline p99", met,
                    stats.summary(), String.format("%d movements posted at %.0f/s (%d errors, POST p99 %.0f ms); %d reached %s;"
                            + " p99 = %.1fx the bare-Kafka p99", trigger.count(), RATE, trigger.errors(),
                            trigger.percentileMillis(99), propagation.count(), consumerSchema,
                            propagation.percentileMillis(99) / baseline.percentileMillis(99)));
        }
    }

    /**
     * Waits (up to three minutes) until the consumer has applied every stock event of the last ten minutes: the events
     * of earlier scenarios (the run lifecycle's baseline replays its outbox rows too) would otherwise queue ahead of
     * this one's. The consumer commits in batches, so the age of its last processed row says nothing: a batch of
     * hundreds holds its rows, all stamped with its start, until it commits.
     */
    private void awaitConsumerIdle(String jdbcUrl) throws Exception {
        String sql = "select count(*) from inventory.outbox_event o where o.topic = 'inventory.stock'"
                + " and o.created_at > now() - interval '10 minutes' and not exists (select 1 from " + consumerSchema
                + ".processed_event p where p.event_id = o.id::text)";
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next() && rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    private Measurement propagation(String jdbcUrl, Instant from) throws Exception {
        Measurement measurement = new Measurement();
        measurement.start();
        String sql = "select extract(epoch from (p.processed_at - o.created_at)) * 1000000"
                + " from inventory.outbox_event o join " + consumerSchema + ".processed_event p"
                + " on p.event_id = o.id::text where o.type = 'inventory.stock.moved' and o.created_at >= ?";
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(from));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    measurement.record(rs.getLong(1));
                }
            }
        }
        measurement.stop();
        return measurement;
    }
}
