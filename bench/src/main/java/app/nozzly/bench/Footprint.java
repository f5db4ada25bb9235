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

/**
 * Scenario 6: each service started alone (one at a time, against the stack's Postgres and Kafka) to
 * measure its time to ready and its RSS after a warm-up; plus the whole running stack's RSS.
 * Target: ready under 5 s and RSS under 250 MB per service.
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
            Path jar = context.repo().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                rows.put(service, "not built");
                met = false;
                continue;
            }
            try {
                Sample sample = measure(context, service, jar);
                met &= sample.readySeconds() < 5 && sample.rssMb() < 250;
                rows.put(service, String.format("ready %.2f s, RSS after warm-up %d MB", sample.readySeconds(),
                        sample.rssMb()));
            } catch (IllegalStateException e) {
                met = false;
                rows.put(service, e.getMessage() + " (log: .stack/logs/bench-footprint-" + service + ".log)");
            }
        }
        long stackRss = context.servicePids().values().stream().mapToLong(ProcessStats::rssMb).sum();
        rows.put("running stack (5 services)", stackRss + " MB RSS in all");
        return new Result(name(), null, null, "ready < 5 s, RSS < 250 MB each", met, rows,
                "each service started alone on a free port beside the running stack");
    }

    private record Sample(double readySeconds, long rssMb) {
    }

    private static Sample measure(Context context, String service, Path jar) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Dquarkus.http.port=" + port,
                "-Dplatform.db.port=15432", "-Dplatform.db.name=nozzly",
                "-Dkafka.bootstrap.servers=" + context.kafka(),
                "-Dmp.jwt.verify.publickey.location="
                        + context.stackHome().resolve("keys/public-key.pem").toUri(),
                "-jar", jar.toString()));
        if (service.equals("order-sync-service")) {
            // settings order-sync-service cannot start without (./stack gives the same)
            command.addAll(command.size() - 2, List.of("-Detsy.keystring=bench", "-Detsy.shared-secret=bench",
                    "-Detsy.redirect-uri=http://localhost/callback",
                    "-Dordersync.token-encryption-key="
                            + Files.readString(context.stackHome().resolve("keys/token-encryption.key")).trim(),
                    "-Dsmallrye.jwt.sign.key.location="
                            + context.stackHome().resolve("keys/private-key.pem").toUri()));
        }
        Path log = context.stackHome().resolve("logs").resolve("bench-footprint-" + service + ".log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
