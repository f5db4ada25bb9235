package app.nozzly.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Scenario 4: GET of a run with its items, materials and spools (specs/000), 64 concurrent clients. First
 * the peak throughput (closed loop), then the latency at 50% of that peak (open loop, so queueing shows).
 * Baseline: the same query over plain JDBC, measured the same two ways. Target: p99 under 20 ms at 50% of
 * peak throughput.
 */
final class Reads implements Scenario {

    static final int CLIENTS = 64;
    private static final int RUNS = 50;

    @Override
    public String name() {
        return "4 reads";
    }

    @Override
    public Result run(Context context) throws Exception {
        Api api = context.api();
        List<String> spools = Fixtures.spools(api, 4);
        String model = Fixtures.model(api);
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(api.post("/api/v1/production-runs", Fixtures.run(model, spools.get(i % 2), spools.get(2 + i % 2)))
                    .require().get("id").asText());
        }
        Load.Operation read = (client, sequence) ->
                api.get("/api/v1/production-runs/" + runs.get((int) (sequence % RUNS))).ok();
        Load.closed(CLIENTS, context.count(200_000), context.duration(10), read);
        try (ProcessStats stats = new ProcessStats(context.servicePids())) {
            Measurement peak = Load.closed(CLIENTS, context.count(200_000), context.duration(20), read);
            Measurement measured = Load.open(CLIENTS, Math.max(1, peak.throughput() / 2), context.duration(20), read);
            Map<String, String> processes = stats.summary(List.of("production-service", "inventory-service"));
            List<SqlCapture.Step> sql = SqlCapture.capture(context, "read", RunLifecycle.TABLES,
                    () -> api.get("/api/v1/production-runs/" + runs.get(0)).require());
            SqlCapture.check(sql, "a run read");
            SqlReplay replay = new SqlReplay(context.jdbcUrl(), sql, SqlCapture.schemas(sql,
                    Map.of(Pattern.compile("production_run"), "production"), "inventory"));
            Map<String, String> ids = replay.capturedIds();
            SqlReplay.FixtureMap sameRun = client -> ids;
            Measurement baselinePeak = replay.closed(CLIENTS, context.count(200_000), context.duration(20), sameRun,
                    UnaryOperator.identity());
            Measurement baseline = replay.open(CLIENTS, Math.max(1, baselinePeak.throughput() / 2),
                    context.duration(20), sameRun, UnaryOperator.identity());
            GatewayOverhead.Pair viaGateway = GatewayOverhead.compare(context, "production-service",
                    "/api/v1/production-runs/" + runs.get(0), CLIENTS);
            boolean met = measured.count() > 0 && measured.percentileMillis(99) < 20
                    && peak.throughput() >= 0.5 * baselinePeak.throughput();
            return new Result(name(), measured, baseline, "peak >= 0.5x JDBC peak, p99 < 20 ms at 50% of peak", met,
                    processes,
                    String.format("peak %.0f reads/s (p99 %.1f ms), measured at %.0f/s; JDBC peak %.0f/s, measured at"
                            + " %.0f/s; ratio = peak / JDBC peak = %.2fx; one run read at %d clients: %.0f/s through the"
                            + " gateway, %.0f/s straight to production-service (%.2fx)", peak.throughput(),
                            peak.percentileMillis(99), peak.throughput() / 2, baselinePeak.throughput(),
                            baselinePeak.throughput() / 2, peak.throughput() / baselinePeak.throughput(), CLIENTS,
                            viaGateway.gateway().throughput(), viaGateway.direct().throughput(), viaGateway.ratio()));
        }
    }
}
