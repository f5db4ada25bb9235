package app.nozzly.bench;

import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import app.nozzly.sim.PrintOutcome;
import app.nozzly.sim.bambu.BambuCertificateAuthority;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;

/**
 * Scenario 3: 500 simulated Bambu printers (MQTT 3.1.1 over TLS, a report every second, all printing so every
 * report changes) run in this process and are registered in printer-service for the bench tenant with their
 * CA. Status staleness = how old the newest status a client can see is: on REST now - last_updated of
 * GET /api/bambu/printers/{id}/status for a sample of printers every second, on /ws the age of each printer's
 * newest printer_status message sampled every 250 ms. Target: p99 under 2 s on both, printer-service under
 * one core and 512 MB RSS. Through an agent (scenario 3a), the printers are reached only through one edge agent
 * (printer-edge, enrolled for the bench tenant, connected through the gateway), whose CPU and memory are reported.
 */
final class PrinterFleet implements Scenario {

    private static final int PRINTERS = 500;
    private static final int REST_SAMPLES_PER_SECOND = 20;
    /**
     * The status reads come from several dashboard users, as in a farm: one user sampling 20 a second would pass
     * specs/002's 1000 requests an hour per user and be answered 429 (the product enforcing its limit).
     */
    private static final int DASHBOARD_USERS = 4;
    private static final String AGENT = "printer-edge";

    private final boolean throughAgent;

    PrinterFleet(boolean throughAgent) {
        this.throughAgent = throughAgent;
    }

    @Override
    public String name() {
        return throughAgent ? "3a printer fleet, one agent" : "3 printer fleet";
    }

    @Override
    public Result run(Context context) throws Exception {
        Api api = context.api();
        forgetRateLimits(context.jdbcUrl());
        int count = context.count(PRINTERS);
        BambuCertificateAuthority ca = BambuCertificateAuthority.generate();
        List<BambuPrinterSimulator> printers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Map<String, Long> lastMessage = new ConcurrentHashMap<>();
        AtomicLong messages = new AtomicLong();
        WebSocket socket = null;
        EdgeAgent agent = throughAgent ? EdgeAgent.start(context) : null;
        try {
            long registerStart = System.nanoTime();
            for (int i = 0; i < count; i++) {
                BambuPrinterSimulator printer = BambuPrinterSimulator.builder().serial(String.format("BENCH%05d", i))
                        .model(BambuModel.A1).certificateAuthority(ca).reportInterval(Duration.ofSeconds(1))
                        .timeScale(1).start();
                printer.startPrint("bench.3mf", Duration.ofHours(12), PrintOutcome.FINISH, 100);
                printers.add(printer);
            }
            // registered 8 at a time, as an operator's script would; each registration connects the printer
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> registrations = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                BambuPrinterSimulator printer = printers.get(i);
                String id = String.format("bench_a1_%05d", i);
                Map<String, Object> body = new HashMap<>(printer.registration(id, "Bench A1 " + i));
                if (agent != null) {
                    body.put("agent_id", agent.id());
                }
                registrations.add(pool.submit(() -> api.post("/api/v1/printers", body).ok()));
                ids.add(id);
            }
            pool.shutdown();
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
            long registerSeconds = Duration.ofNanos(System.nanoTime() - registerStart).toSeconds();
            int registered = 0;
            for (Future<Boolean> registration : registrations) {
                registered += registration.isDone() && !registration.isCancelled() && registration.get() ? 1 : 0;
            }
            long watchedSince = System.currentTimeMillis();
            socket = api.webSocket("/ws", new StatusListener(lastMessage, messages));
            long connectDeadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < connectDeadline && lastMessage.size() < ids.size()) {
                Thread.sleep(500);
            }
            int connected = lastMessage.size();
            List<Api> dashboards = new ArrayList<>();
            for (int user = 0; user < DASHBOARD_USERS; user++) {
                dashboards.add(api.as(context.tokens().user(context.tenant(), "bench-dashboard-" + user,
                        List.of("owner"))));
            }
            Measurement rest = new Measurement();
            Measurement ws = new Measurement();
            long messagesBefore = messages.get();
            Duration duration = context.duration(60);
            Map<String, Long> pids = new LinkedHashMap<>(context.servicePids());
            if (agent != null) {
                pids.put(AGENT, agent.pid());
            }
            try (ProcessStats stats = new ProcessStats(pids)) {
                rest.start();
                ws.start();
                long end = System.nanoTime() + duration.toNanos();
                long tick = 0;
                while (System.nanoTime() < end) {
                    long now = System.currentTimeMillis();
                    for (String id : ids) {
                        Long last = lastMessage.get(id);
                        ws.record((now - (last == null ? watchedSince : last)) * 1000);
                    }
                    if (tick++ % 4 == 0) {
                        for (int s = 0; s < REST_SAMPLES_PER_SECOND && !ids.isEmpty(); s++) {
                            restSample(dashboards.get(s % DASHBOARD_USERS),
                                    ids.get(ThreadLocalRandom.current().nextInt(ids.size())), rest);
                        }
                    }
                    Thread.sleep(250);
                }
                rest.stop();
                ws.stop();
                double seconds = rest.seconds();
                double cores = stats.cpuSecondsSinceStart("printer-service") / seconds;
                long rss = stats.peakRssMb("printer-service");
                Map<String, String> processes = stats.summary(List.of("printer-service", AGENT));
                boolean met = connected > 0 && connected == count && rest.count() > 0 && rest.errors() == 0
                        && rest.percentileMillis(99) < 2000 && ws.percentileMillis(99) < 2000 && cores < 1.0
                        && rss < 512;
                return new Result(name(), rest, ws, "REST and /ws p99 < 2000 ms, < 1 core, < 512 MB", met, processes,
                        String.format("%d printers simulated, %d registered in %d s, %d seen on /ws; %.0f /ws messages/s;"
                                + " printer-service %.2f cores, peak RSS %d MB; rows: REST staleness, then /ws"
                                + " staleness (ms; ops/s = samples/s)%s", count, registered, registerSeconds,
                                connected, (messages.get() - messagesBefore) / seconds, cores, rss,
                                agent == null ? "" : String.format("; the agent %.2f cores, peak RSS %d MB",
                                        stats.cpuSecondsSinceStart(AGENT) / seconds, stats.peakRssMb(AGENT))),
                        "/ws");
            }
        } finally {
            if (socket != null) {
                socket.abort();
            }
            printers.forEach(BambuPrinterSimulator::close);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (String id : ids) {
                pool.submit(() -> api.delete("/api/v1/printers/" + id));
            }
            pool.shutdown();
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
            if (agent != null) {
                agent.revoke(api);
            }
        }
    }

    /**
     * Each fleet stands for a farm of its own, registering its 500 printers from its own address. The bench sends
     * everything from one address, where specs/002's 1000 requests an hour per client would refuse the second fleet
     * of a full run; the windows counted so far are forgotten before each fleet.
     */
    private static void forgetRateLimits(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from printer.platform_rate_limit");
        }
    }

    /** The bench tenant's edge agent: enrolled with a fresh code, run as the farm would run it, revoked after. */
    private record EdgeAgent(String id, Process process) {

        static EdgeAgent start(Context context) throws Exception {
            Api api = context.api();
            String name = "bench agent " + System.currentTimeMillis();
            Api.Reply code = api.post("/api/v1/agents/enrollment-codes", Map.of("name", name));
            if (!code.ok()) {
                throw new IllegalStateException("no enrollment code: " + code.status() + " " + code.body());
            }
            Path home = context.stackHome().resolve("bench-agent");
            Files.createDirectories(home);
            Files.deleteIfExists(home.resolve("credential"));
            Path settings = home.resolve("edge.properties");
            Files.writeString(settings, "server.url=" + context.gateway() + "\nenrollment.code="
                    + code.body().get("code").asText() + "\nstate.dir=" + home + "\n");
            Path jar = context.repo().resolve("printer-edge/target/printer-edge.jar");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--config",
                    settings.toString()).redirectErrorStream(true)
                    .redirectOutput(context.stackHome().resolve("logs/bench-agent.log").toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                for (JsonNode agent : api.get("/api/v1/agents").body().path("agents")) {
                    if (agent.path("name").asText().equals(name) && agent.path("status").asText().equals("online")) {
                        return new EdgeAgent(agent.path("id").asText(), process);
                    }
                }
                Thread.sleep(250);
            }
            process.destroyForcibly();
            throw new IllegalStateException("the bench's edge agent did not come online (.stack/logs/bench-agent.log)");
        }

        long pid() {
            return process.pid();
        }

        void revoke(Api api) throws Exception {
            api.delete("/api/v1/agents/" + id);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void restSample(Api api, String id, Measurement rest) {
        try {
            Api.Reply reply = api.get("/api/bambu/printers/" + id + "/status");
            JsonNode updated = reply.ok() ? reply.body().get("last_updated") : null;
            if (updated == null || updated.isNull()) {
                rest.error(new IllegalStateException("status of " + id + " answered " + reply.status()
                        + " without last_updated: " + reply.body()));
                return;
            }
            long age = Duration.between(Instant.parse(updated.asText()), Instant.now()).toNanos() / 1000;
            rest.record(age);
        } catch (Exception e) {
            rest.error(e);
        }
    }

    /** Remembers when each printer's latest printer_status message arrived. */
    private static final class StatusListener implements WebSocket.Listener {

        private final Map<String, Long> lastMessage;
        private final AtomicLong messages;
        private final StringBuilder partial = new StringBuilder();

        StatusListener(Map<String, Long> lastMessage, AtomicLong messages) {
            this.lastMessage = lastMessage;
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = Api.JSON.readTree(partial.toString());
                    if ("printer_status".equals(message.path("type").asText())) {
                        lastMessage.put(message.path("data").path("printer_id").asText(), System.currentTimeMillis());
                        messages.incrementAndGet();
                    }
                } catch (java.io.IOException e) {
                    // a frame that is not JSON carries no printer status: nothing to remember
                    partial.setLength(0);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
