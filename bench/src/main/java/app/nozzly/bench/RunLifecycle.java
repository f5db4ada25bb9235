package app.nozzly.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scenario 1: the run lifecycle of specs/000 through the gateway (create a run with 2 materials, which
 * reserves stock in inventory-service -> record the spool weights of both -> complete, which deducts them
 * in inventory-service), 32 concurrent clients, measured after 10 s of the same load (as the read scenario warms
 * up). Baseline: the same SQL statements over plain JDBC from this process, as captured from the services
 * ({@link SqlCapture}, {@link SqlReplay}). Target: at least 40% of the baseline's throughput, p99 under 150 ms.
 */
final class RunLifecycle implements Scenario {

    static final int CLIENTS = 32;

    @Override
    public String name() {
        return "1 run lifecycle";
    }

    @Override
    public Result run(Context context) throws Exception {
        Api api = context.api();
        List<String> spools = Fixtures.spools(api, CLIENTS * 2);
        String model = Fixtures.model(api);
        Load.closed(CLIENTS, context.count(400), context.duration(10), (client, sequence) ->
                lifecycle(api, model, spools.get(2 * client), spools.get(2 * client + 1)));
        List<SqlCapture.Step> sql = SqlCapture.capture(context, "lifecycle", TABLES,
                () -> lifecycle(api, model, spools.get(0), spools.get(1)));
        SqlCapture.check(sql, "a run lifecycle");
        SqlReplay replay = new SqlReplay(context.jdbcUrl(), sql, SqlCapture.schemas(sql,
                Map.of(Pattern.compile("production_run|production_sequence"), "production"), "inventory"));
        Measurement measured;
        Map<String, String> processes;
        try (ProcessStats stats = new ProcessStats(context.servicePids())) {
            measured = Load.closed(CLIENTS, context.count(4000), context.duration(40), (client, sequence) ->
                    lifecycle(api, model, spools.get(2 * client), spools.get(2 * client + 1)));
            processes = stats.summary(List.of("production-service", "inventory-service"));
        }
        Measurement baseline = replay.closed(CLIENTS, context.count(4000), context.duration(40),
                client -> Map.of(model, model, spools.get(0), spools.get(2 * client), spools.get(1),
                        spools.get(2 * client + 1)),
                RunLifecycle::uniqueRunNumber);
        double ratio = measured.throughput() / baseline.throughput();
        boolean met = measured.count() > 0 && ratio >= 0.4 && measured.percentileMillis(99) < 150;
        return new Result(name(), measured, baseline, "ratio >= 0.40 and p99 < 150 ms", met, processes,
                "one op = POST run + 2 PATCH material weights + POST complete (4 HTTP calls through the gateway);"
                        + " baseline replays the " + replay.statements() + " statements both services issued for one"
                        + " lifecycle (captured from postgres.log), 32 clients");
    }

    /** Run numbers are unique per tenant: every replayed run gets its own. */
    static String uniqueRunNumber(String value) {
        return RUN_NUMBER.matcher(value).matches() ? "B" + RUN_SEQUENCE.incrementAndGet() : value;
    }

    // inventory's stock tables by name: order-sync's stock_item_state, fed by the same movements' events, is not
    // part of a lifecycle; production-service's copy of inventory's models and spools (inventory_model,
    // inventory_spool) is read in the same transactions as its runs
    static final Pattern TABLES = SqlCapture.naming("production_run\\w*|production_sequence|inventory_(?:model|spool)"
            + "|stock_(?:item|movement|transaction|lot)"
            + "|reservation\\w*|idempotency_record|model\\w*|spool|material_type|outbox_event|code_sequence");
    private static final Pattern RUN_NUMBER = Pattern.compile("\\d{8}-\\d{3,}");
    private static final AtomicLong RUN_SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    static boolean lifecycle(Api api, String model, String spoolA, String spoolB) throws Exception {
        Api.Reply created = api.post("/api/v1/production-runs", Fixtures.run(model, spoolA, spoolB));
        if (!created.ok()) {
            return false;
        }
        String run = created.body().get("id").asText();
        for (JsonNode material : created.body().get("materials")) {
            Api.Reply weighed = api.patch("/api/v1/production-runs/" + run + "/materials/" + material.get("id").asText(),
                    Map.of("spool_weight_before_grams", 900, "spool_weight_after_grams", 886));
            if (!weighed.ok()) {
                return false;
            }
        }
        return api.post("/api/v1/production-runs/" + run + "/complete", Map.of()).ok();
    }
}
