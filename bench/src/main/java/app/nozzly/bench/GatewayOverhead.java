package app.nozzly.bench;

import java.util.List;
import java.util.Map;

/**
 * Scenario 7: what the gateway costs. The same read at 64 clients, closed loop, straight to the service and
 * through the gateway, in alternating rounds so that both see the same machine. Target: through the gateway
 * at least 0.9x of the direct throughput.
 */
final class GatewayOverhead implements Scenario {

    static final double TARGET = 0.9;
    private static final int ROUNDS = 2;

    @Override
    public String name() {
        return "7 gateway overhead";
    }

    @Override
    public Result run(Context context) throws Exception {
        Api api = context.api();
        for (int i = 0; i < 20; i++) {
            api.post("/api/v1/material-types", Map.of("code", "GW-" + i, "name", "Gateway bench " + i))
                    .require();
        }
        Pair pair = compare(context, "inventory-service", "/api/v1/material-types", Reads.CLIENTS);
        try (ProcessStats stats = new ProcessStats(context.servicePids())) {
            boolean met = pair.ratio() >= TARGET && pair.gateway().errors() == 0;
            return new Result(name(), pair.gateway(), pair.direct(), String.format(">= %.1fx of direct", TARGET),
                    met, stats.summary(List.of("inventory-service")),
                    "GET /api/v1/material-types, " + Reads.CLIENTS + " clients; measured row through the gateway,"
                            + " second row straight to inventory-service", "direct");
        }
    }

    /** Throughput of one read through the gateway and straight to its service. */
    record Pair(Measurement gateway, Measurement direct) {

        double ratio() {
            return direct.throughput() == 0 ? 0 : gateway.throughput() / direct.throughput();
        }
    }

    static Pair compare(Context context, String service, String path, int clients) throws Exception {
        Api viaGateway = context.api();
        Api direct = context.api().at("http://127.0.0.1:" + context.servicePorts().get(service));
        Load.Operation gatewayRead = (client, sequence) -> viaGateway.get(path).ok();
        Load.Operation directRead = (client, sequence) -> direct.get(path).ok();
        Load.closed(clients, 2_000, context.duration(5), gatewayRead);
        Load.closed(clients, 2_000, context.duration(5), directRead);
        Measurement gateway = new Measurement();
        Measurement straight = new Measurement();
        for (int round = 0; round < ROUNDS; round++) {
            gateway.add(Load.closed(clients, context.count(200_000), context.duration(10), gatewayRead));
            straight.add(Load.closed(clients, context.count(200_000), context.duration(10), directRead));
        }
        return new Pair(gateway, straight);
    }
}
