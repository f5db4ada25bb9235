package app.nozzly.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./stack bench}: runs the benchmark scenarios (README.md, bench) against the running local stack from this
 * separate process and prints one table. Every load loop is bounded in count and time and targets only
 * localhost.
 */
public final class BenchMain {

    /** The in-process printer simulators log every printer they start; the table is what matters here. */
    private static final java.util.logging.Logger SIMULATORS = java.util.logging.Logger.getLogger("app.nozzly.sim");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        SIMULATORS.setLevel(java.util.logging.Level.WARNING);
        Map<String, String> options = options(args);
        Path home = Path.of(options.getOrDefault("home", ".stack")).toAbsolutePath();
        Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath();
        String gateway = options.getOrDefault("gateway", "http://localhost:8080");
        if (!gateway.startsWith("http://localhost") && !gateway.startsWith("http://127.0.0.1")) {
            throw new IllegalArgumentException("benchmarks target only localhost, not " + gateway);
        }
        Tokens tokens = new Tokens(home);
        String tenant = options.getOrDefault("tenant", "bench-" + System.currentTimeMillis() / 1000);
        Api api = new Api(gateway, tokens.token(tenant, List.of("owner", "admin", "teacher"), null));
        Context context = new Context(api, tokens, tenant, gateway,
                options.getOrDefault("jdbc", "jdbc:postgresql://localhost:15432/nozzly?user=postgres&password=postgres"),
                options.getOrDefault("kafka", "127.0.0.1:19092"), repo, home, servicePids(home), servicePorts(home),
                options.containsKey("quick") ? 0.25 : 1.0);
        System.out.println("bench tenant " + tenant + (options.containsKey("quick") ? " (quick run)" : ""));
        Map<String, Scenario> all = scenarios();
        Set<String> selected = options.containsKey("scenarios")
                ? Set.of(options.get("scenarios").split(",")) : all.keySet();
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, Scenario> entry : all.entrySet()) {
            if (!selected.contains(entry.getKey())) {
                continue;
            }
            System.out.println("running scenario " + entry.getValue().name() + " ...");
            try {
                results.add(entry.getValue().run(context));
            } catch (Exception e) {
                results.add(new Result(entry.getValue().name(), null, null, "", false, Map.of(),
                        "could not run: " + e));
            }
        }
        System.out.println();
        Report.print(results, System.out);
        String asked = options.keySet().stream().filter(k -> !k.equals("home") && !k.equals("repo"))
                .map(k -> "--" + k + ("true".equals(options.get(k)) ? "" : " " + options.get(k)))
                .collect(java.util.stream.Collectors.joining(" "));
        Path written = Report.write(results, repo.resolve("bench").resolve("results"), "`./stack bench"
                + (asked.isEmpty() ? "" : " " + asked) + "` on " + Runtime.getRuntime().availableProcessors()
                + " cores");
        System.out.println("table and latency charts written to " + written);
    }

    private static Map<String, Scenario> scenarios() {
        Map<String, Scenario> scenarios = new TreeMap<>();
        scenarios.put("1", new RunLifecycle());
        scenarios.put("2", new EventPropagation("ordersync"));
        scenarios.put("3", new PrinterFleet(false));
        scenarios.put("3a", new PrinterFleet(true));
        scenarios.put("4", new Reads());
        scenarios.put("5", new FacilityProduction());
        scenarios.put("6", new Footprint());
        scenarios.put("7", new GatewayOverhead());
        return scenarios;
    }

    private static Map<String, Long> servicePids(Path home) throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (JsonNode service : services(home)) {
            pids.put(service.get("name").asText(), service.get("pid").asLong());
        }
        return pids;
    }

    private static Map<String, Integer> servicePorts(Path home) throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (JsonNode service : services(home)) {
            ports.put(service.get("name").asText(), service.get("port").asInt());
        }
        return ports;
    }

    private static JsonNode services(Path home) throws Exception {
        Path state = home.resolve("state.json");
        if (!Files.exists(state)) {
            throw new IllegalStateException("the stack is not running: start it with ./stack up");
        }
        return Api.JSON.readTree(state.toFile()).get("services");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                continue;
            }
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(key, args[++i]);
            } else {
                options.put(key, "true");
            }
        }
        return options;
    }
}
