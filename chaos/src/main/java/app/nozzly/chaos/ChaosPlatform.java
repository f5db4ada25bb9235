package app.nozzly.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import app.nozzly.gateway.CorsPolicy;
import app.nozzly.gateway.Gateway;
import app.nozzly.gateway.GatewayConfig;
import app.nozzly.gateway.RouteMap;
import app.nozzly.infra.KafkaBrokerProcess;
import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.testing.PlatformInfra;
import app.nozzly.testing.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The platform as an operator runs it, on this machine: Postgres and Kafka of its own (data under one directory,
 * so both can be killed and restarted), the packaged services with two replicas of inventory, production and
 * printer, the simulated Etsy shop, and the gateway balancing each route over the ready replicas. It is also the
 * hand that breaks things: every fault of the schedule is a method here.
 */
final class ChaosPlatform implements AutoCloseable {

    static final List<String> REPLICATED = List.of("inventory-service", "production-service", "printer-service");
    static final String ETSY_KEYSTRING = "chaoskeystring";
    static final String ETSY_SECRET = "chaossecret";

    private final Path home;
    private final int postgresPort = KafkaBrokerProcess.freePort();
    private final KafkaBrokerProcess kafka;
    private final Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();
    private final List<ServiceProcess> all = new CopyOnWriteArrayList<>();
    private final int gatewayPort = KafkaBrokerProcess.freePort();
    private EmbeddedPostgres postgres;
    private EtsySimulator etsy;
    private Gateway gateway;

    ChaosPlatform(Path home) {
        this.home = home;
        this.kafka = new KafkaBrokerProcess(home.resolve("kafka"), KafkaBrokerProcess.freePort(),
                KafkaBrokerProcess.freePort(), "384m");
    }

    void start() throws Exception {
        startPostgres();
        try (Connection connection = jdbc()) {
            PlatformInfra.ensureServiceRole(connection, "postgres");
        }
        kafka.start(Duration.ofSeconds(120));
        etsy = EtsySimulator.builder().port(0).keystring(ETSY_KEYSTRING).sharedSecret(ETSY_SECRET)
                .ratePerSecond(50).ratePerDay(1_000_000).start();
        CompletableFuture<List<ServiceProcess>> inventory = replicas("inventory-service", Map.of());
        CompletableFuture<List<ServiceProcess>> orderSync = replicas("order-sync-service", orderSync());
        CompletableFuture<List<ServiceProcess>> printers = replicas("printer-service",
                Map.of("printer.files.storage-dir", home.resolve("printer-files").toString()));
        CompletableFuture<List<ServiceProcess>> facility = replicas("facility-sim-service", Map.of());
        inventory.join();
        orderSync.join();
        // services call each other through the gateway, which balances over the ready replicas as a cluster's
        // Service does; it starts last, but nothing calls before the load begins
        replicas("production-service", Map.of(
                "quarkus.rest-client.inventory.url", gateway(),
                "nozzly.clients.order-sync.url", gateway())).join();
        printers.join();
        facility.join();
        startGateway();
    }

    /** A replicated service's replicas start one after the other: the first migrates the schema. */
    private CompletableFuture<List<ServiceProcess>> replicas(String module, Map<String, String> extra) {
        return CompletableFuture.supplyAsync(() -> {
            List<ServiceProcess> started = new ArrayList<>();
            int count = REPLICATED.contains(module) ? 2 : 1;
            for (int i = 0; i < count; i++) {
                Map<String, String> config = config();
                config.putAll(extra);
                ServiceProcess replica = ServiceProcess.startWith(module, config);
                started.add(replica);
                all.add(replica);
            }
            synchronized (services) {
                services.put(module, started);
            }
            return started;
        });
    }

    private Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("platform.db.host", "localhost");
        config.put("platform.db.port", String.valueOf(postgresPort));
        config.put("platform.db.name", "postgres");
        config.put("platform.db.user", PlatformInfra.SERVICE_USER);
        config.put("platform.db.password", PlatformInfra.SERVICE_PASSWORD);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", PlatformInfra.testPublicKeyFile().toUri().toString());
        config.put("platform.outbox.relay.poll-interval", "200ms");
        config.put("kafka.session.timeout.ms", "10000");
        config.put("kafka.heartbeat.interval.ms", "3000");
        config.put("quarkus.log.category.\"org.apache.kafka\".level", "ERROR");
        config.put("platform.rate-limit.enabled", "false");
        return config;
    }

    private Map<String, String> orderSync() {
        Map<String, String> config = new LinkedHashMap<>(etsy.orderSyncSettings());
        config.put("ordersync.token-encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        config.put("smallrye.jwt.sign.key.location", PlatformInfra.testPrivateKeyFile().toUri().toString());
        return config;
    }

    private void startGateway() throws Exception {
        GatewayConfig.Builder config = GatewayConfig.builder().listen("127.0.0.1", gatewayPort)
                .health("/q/health/ready", Duration.ofSeconds(1))
                .accessLog(home.resolve("gateway-access.log"));
        services.forEach((module, replicas) -> config.upstream(module, replicas.stream()
                .map(r -> new GatewayConfig.Endpoint("127.0.0.1", Integer.parseInt(r.url().substring(
                        r.url().lastIndexOf(':') + 1)))).toArray(GatewayConfig.Endpoint[]::new)));
        RouteMap.ALL.forEach(route -> config.route(route.prefix(), route.service(), route.family(),
                CorsPolicy.none()));
        gateway = Gateway.start(config.build());
    }

    String gateway() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    String kafka() {
        return kafka.bootstrapServers();
    }

    EtsySimulator etsy() {
        return etsy;
    }

    List<ServiceProcess> replicasOf(String module) {
        return services.get(module);
    }


    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres?user=postgres&password=postgres";
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    // ---- the faults

    void killKafka() {
        kafka.kill();
    }

    void startKafka() {
        kafka.start(Duration.ofSeconds(120));
    }

    void stopPostgres() throws IOException {
        postgres.close();
        postgres = null;
    }

    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setPort(postgresPort)
                .setDataDirectory(home.resolve("pg"))
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "300")
                // as the local stack runs it: durable, so a kill is a crash it must survive (Stack.startPostgres)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                .start();
    }

    /** Cuts every database session of one service (sessions name their service), as a failover would. */
    int terminateSessions(String module) throws SQLException {
        try (Connection connection = jdbc();
                var statement = connection.prepareStatement("select count(pg_terminate_backend(pid))"
                        + " from pg_stat_activity where application_name = ?")) {
            statement.setString(1, module);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Waits until every replica of every service answers ready again; the time it took. */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (all.stream().allMatch(service -> ready(http, service))) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(250);
        }
        return null;
    }

    private static boolean ready(HttpClient http, ServiceProcess service) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        all.parallelStream().forEach(ServiceProcess::close);
        if (etsy != null) {
            etsy.close();
        }
        kafka.stop();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Postgres did not stop cleanly: " + e.getMessage());
            }
        }
    }

    /** Where the platform keeps what it wrote, for the report. */
    Path home() {
        return home;
    }

    static Path freshHome() throws IOException {
        return Files.createTempDirectory("nozzly-chaos");
    }
}
