package app.nozzly.stack;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Entry point of the {@code ./stack} script: {@code daemon}, {@code status} and {@code token}. */
public final class StackMain {

    private StackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        Path home = Path.of(options.getOrDefault("home", ".stack")).toAbsolutePath();
        Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath();
        switch (args[0]) {
            case "daemon" -> daemon(home, repo, new Ports(Integer.parseInt(options.getOrDefault("port-offset", "0"))));
            case "status" -> System.exit(status(home));
            case "token" -> System.out.println(ensuredKeys(home).token(options.containsKey("tenant")
                    ? options.get("tenant") : Demo.tenant(home).orElse("demo"),
                    List.of(options.getOrDefault("roles", "owner,admin").split(",")),
                    Duration.parse("PT" + options.getOrDefault("ttl", "8h").toUpperCase()).toSeconds(),
                    options.get("team")));
            default -> usage();
        }
    }

    private static Keys ensuredKeys(Path home) throws Exception {
        Keys keys = new Keys(home);
        keys.ensure();
        return keys;
    }

    private static void daemon(Path home, Path repo, Ports ports) throws Exception {
        Stack stack = new Stack(home, repo, ports);
        try {
            stack.up();
        } catch (Exception e) {
            Stack.log("FAILED: " + e.getMessage());
            stack.down();
            System.exit(1);
        }
        Thread.currentThread().join();
    }

    private static int status(Path home) throws Exception {
        Path stateFile = home.resolve("state.json");
        if (!Files.exists(stateFile)) {
            System.out.println("stack is not running (no " + stateFile + ")");
            return 1;
        }
        JsonNode state = new ObjectMapper().readTree(stateFile.toFile());
        long pid = state.get("pid").asLong();
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
            System.out.println("stack is not running (supervisor " + pid + " gone)");
            return 1;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        System.out.printf("%-22s %-6s %-8s %-7s %s%n", "service", "port", "pid", "RSS MB", "ready");
        int down = 0;
        for (JsonNode service : state.get("services")) {
            boolean ready = Stack.ready(http, service.get("port").asInt());
            down += ready ? 0 : 1;
            System.out.printf("%-22s %-6d %-8d %-7d %s%n", service.get("name").asText(), service.get("port").asInt(),
                    service.get("pid").asLong(), ManagedProcess.rssMb(service.get("pid").asLong()),
                    ready ? "UP" : "DOWN");
        }
        System.out.println("gateway " + state.get("gateway").asText() + ", supervisor pid " + pid);
        return down == 0 ? 0 : 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            }
        }
        return options;
    }

    private static void usage() {
        System.err.println("usage: StackMain daemon|status|token [--home DIR] [--repo DIR] [--tenant T]"
                + " [--roles r1,r2] [--ttl 8h] [--team TEAM]");
        System.exit(2);
    }
}
