package app.nozzly.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scenario 6: each service started alone (one at a time, with the command line ./stack used, on a free port) to
 * measure its time to ready and its RSS after a warm-up; plus the whole running stack's RSS.
 * Target: ready under 3 s and RSS under 200 MB per service.
 */
final class Footprint implements Scenario {

    private static final List<String> SERVICES = List.of("production-service", "inventory-service",
            "printer-service", "order-sync-service", "facility-sim-service");

    @Override
    public String name() {
        return "6 footprint";
    }

    @Override
    public Result run(Context context) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        boolean met = true;
        for (String service : SERVICES) {
            try {
                Sample sample = measure(context, service);
                met &= sample.readySeconds() < 3 && sample.rssMb() < 200;
                rows.put(service, String.format("ready %.2f s, RSS after warm-up %d MB", sample.readySeconds(),
                        sample.rssMb()));
            } catch (IllegalStateException e) {
                met = false;
                rows.put(service, e.getMessage() + " (log: .stack/logs/bench-footprint-" + service + ".log)");
            }
        }
        long stackRss = context.servicePids().values().stream().mapToLong(ProcessStats::rssMb).sum();
        rows.put("running stack (5 services)", stackRss + " MB RSS in all");
        return new Result(name(), null, null, "ready < 3 s, RSS < 200 MB each", met, rows,
                "each service started alone on a free port beside the running stack");
    }

    private record Sample(double readySeconds, long rssMb) {
    }

    private static Sample measure(Context context, String service) throws Exception {
        int port = freePort();
        JsonNode started = stackService(context, service);
        List<String> command = new ArrayList<>();
        started.get("command").forEach(part -> command.add(part.asText()));
        command.add(command.indexOf("-jar"), "-Dquarkus.http.port=" + port);
        Path log = context.stackHome().resolve("logs").resolve("bench-footprint-" + service + ".log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(Path.of(started.get("directory").asText()).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            awaitReady(http, port, process);
            double ready = (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < 500; i++) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/bench-warm-up"))
                        .build(), HttpResponse.BodyHandlers.discarding());
            }
            return new Sample(ready, ProcessStats.rssMb(process.pid()));
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** How ./stack started the service: its command line (JVM options, class archive, settings) and directory. */
    private static JsonNode stackService(Context context, String service) throws IOException {
        for (JsonNode entry : Api.JSON.readTree(context.stackHome().resolve("state.json").toFile()).get("services")) {
            if (entry.get("name").asText().equals(service) && entry.has("command") && entry.has("directory")) {
                return entry;
            }
        }
        throw new IllegalStateException("the running stack did not record how it started " + service
                + "; restart it with ./stack down && ./stack up");
    }

    private static void awaitReady(HttpClient http, int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not ready within 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
