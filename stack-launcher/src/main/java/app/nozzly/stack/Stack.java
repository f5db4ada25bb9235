package app.nozzly.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.gateway.Gateway;
import app.nozzly.infra.KafkaBrokerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The supervisor behind {@code ./stack up}: Postgres and Kafka with their data under the stack's home,
 * the simulators, the five services as child JVMs and the gateway; stops them all on shutdown.
 */
final class Stack {

    static final String DATABASE = "nozzly";
    /** The services' role: never the superuser, which would bypass the row-level security between tenants. */
    static final String SERVICE_USER = "nozzly_service";
    private static final List<String> SCHEMAS = List.of("production", "inventory", "printer", "ordersync", "facility");
    /** Key of a service's stack settings holding extra JVM options rather than a config property. */
    private static final String JVM_OPTIONS = "jvm.options";
    /** How long a training start may take to exit: it writes the service's AOT cache as it does. */
    private static final Duration TRAINING_EXIT = Duration.ofSeconds(120);
    private static final String TRAINING_TENANT = "stack-class-cache-training";

    private final Path home;
    private final Path repo;
    private final Ports ports;
    private final Keys keys;
    private final List<Service> services = Service.all();
    private final ServiceRuntime runtime = ServiceRuntime.detect();
    private final List<ManagedProcess> children = new ArrayList<>();
    private final Map<String, Long> readyMillis = new ConcurrentHashMap<>();
    private EmbeddedPostgres postgres;
    private KafkaBrokerProcess kafka;
    private Gateway gateway;

    Stack(Path home, Path repo, Ports ports) {
        this.home = home;
        this.repo = repo;
        this.ports = ports;
        this.keys = new Keys(home);
    }

    void up() throws Exception {
        long start = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(this::down, "stack-shutdown"));
        keys.ensure();
        log("starting PostgreSQL on port " + ports.postgres() + " (data in " + home.resolve("pg") + ")");
        startPostgres();
        log("starting Kafka on port " + ports.kafka() + " (data in " + home.resolve("kafka") + ")");
        kafka = new KafkaBrokerProcess(home.resolve("kafka"), ports.kafka(), ports.kafkaController(), "384m");
        kafka.start(Duration.ofSeconds(120));
        startSimulators();
        trainClassCaches();
        for (Service service : services) {
            log("starting " + service.name() + " on port " + ports.of(service));
            ManagedProcess process = new ManagedProcess(service.name(), serviceCommand(service),
                    home.resolve("logs").resolve(service.name() + ".log"), appDirectory(service));
            process.start();
            children.add(process);
        }
        awaitServices(start);
        gateway = Gateway.start(GatewaySettings.config(services, ports, home));
        log("gateway on http://localhost:" + ports.gateway() + " (access log in " + home.resolve("logs")
                .resolve("gateway-access.log") + ")");
        writeState(start);
        log(String.format("services ready in %.1f s", (System.nanoTime() - start) / 1e9));
        new Demo(home, ports, keys).seed();
        log(String.format("READY in %.1f s", (System.nanoTime() - start) / 1e9));
    }

    void down() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
        List<ManagedProcess> stopping = new ArrayList<>(children);
        children.clear();
        stopping.parallelStream().forEach(ManagedProcess::stop);
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
    }

    private void startPostgres() throws Exception {
        Path logFile = home.resolve("logs").resolve("postgres.log");
        Files.createDirectories(logFile.getParent());
        postgres = EmbeddedPostgres.builder()
                .setPort(ports.postgres())
                .setDataDirectory(home.resolve("pg"))
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "300")
                // zonky starts Postgres with -F (fsync off) and synchronous commits off, made for throwaway test
                // databases: here a crash of the machine would lose, or corrupt, stock movements and completions the
                // API had already acknowledged. A -c after -F wins.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
        try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + SERVICE_USER
                    + "') then create role " + SERVICE_USER + " login nosuperuser password '" + SERVICE_USER
                    + "'; end if; end $$");
            statement.execute("grant create on database " + DATABASE + " to " + SERVICE_USER);
            adoptSchemas(statement);
        }
    }

    /**
     * A stack made before the services had a role of their own (they connected as the superuser) keeps its data:
     * the services' schemas, with everything in them, pass to their role.
     */
    private static void adoptSchemas(Statement statement) throws java.sql.SQLException {
        for (String schema : SCHEMAS) {
            statement.execute("do $$ declare o record; begin"
                    + " if exists (select from pg_namespace where nspname = '" + schema + "') then"
                    + " execute 'alter schema " + schema + " owner to " + SERVICE_USER + "';"
                    + " for o in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = '" + schema + "' and c.relkind in ('r', 'S', 'v', 'm', 'p')"
                    + " and pg_get_userbyid(c.relowner) <> '" + SERVICE_USER + "'"
                    // a serial's or identity's sequence belongs to its table and changes owner with it
                    + " and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass"
                    + " and d.objid = c.oid and d.deptype in ('a', 'i')) loop"
                    + " execute format('alter %s " + schema + ".%I owner to " + SERVICE_USER + "',"
                    + " case o.relkind when 'S' then 'sequence' when 'v' then 'view'"
                    + " when 'm' then 'materialized view' else 'table' end, o.relname);"
                    + " end loop; end if; end $$");
        }
    }

    private void startSimulators() throws IOException {
        // the demo registers the printers this run's farm describes, never a previous run's
        Files.deleteIfExists(home.resolve("sim").resolve("printers.json"));
        startSimulator("printer-simulators", "app.nozzly.sim.PrinterFarmMain",
                List.of("--dir", home.resolve("sim").toString(), "--port-offset", String.valueOf(ports.offset())));
        startSimulator("etsy-simulator", "app.nozzly.sim.etsy.EtsySimulatorMain",
                List.of("--port", String.valueOf(ports.etsy()), "--receipts", "300", "--keystring", "nozzly-demo-keystring",
                        "--shared-secret", "nozzly-demo-secret"));
    }

    private void startSimulator(String module, String mainClass, List<String> args) throws IOException {
        Path target = repo.resolve(module).resolve("target");
        Path jar = target.resolve(module + "-1.0.0-SNAPSHOT.jar");
        Path mainFile = target.resolve("classes").resolve(mainClass.replace('.', '/') + ".class");
        if (!Files.exists(jar) || !Files.exists(mainFile)) {
            log("skipping " + module + ": not built (" + mainClass + " missing)");
            return;
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx192m", "-XX:+UseSerialGC", "-cp",
                jar + ":" + target.resolve("lib") + "/*", mainClass));
        command.addAll(args);
        log("starting " + module);
        ManagedProcess process = new ManagedProcess(module, command, home.resolve("logs").resolve(module + ".log"));
        process.start();
        children.add(process);
    }

    /** A service runs in its quarkus-app directory: its class archive names the jar by that relative path. */
    private Path appDirectory(Service service) {
        return repo.resolve(service.name()).resolve("target/quarkus-app");
    }

    /**
     * Gives every service whose AOT cache is missing, or older than its build, one training start (see
     * {@link ServiceRuntime}): all of them at once, each up to ready, reading a list as a tenant would, then stopped,
     * writing its cache as it exits. A service whose training fails starts without a cache.
     */
    private void trainClassCaches() throws Exception {
        List<Service> untrained = new ArrayList<>();
        for (Service service : services) {
            if (runtime.needsTraining(appDirectory(service), jvmOptions(service))) {
                untrained.add(service);
            }
        }
        if (untrained.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        log("recording the class caches of " + untrained.stream().map(Service::name).toList() + " on " + runtime
                + " (once a build)");
        Map<Service, ManagedProcess> training = new LinkedHashMap<>();
        for (Service service : untrained) {
            runtime.dropCaches(appDirectory(service));
            List<String> command = serviceCommand(service, runtime.trainingOptions(jvmOptions(service)));
            ManagedProcess process = new ManagedProcess(service.name(), command,
                    home.resolve("logs").resolve(service.name() + ".log"), appDirectory(service));
            process.start();
            training.put(service, process);
            children.add(process);
        }
        String token = keys.token(TRAINING_TENANT, List.of("owner"), 600, null);
        ExecutorService trainers = Executors.newFixedThreadPool(training.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            training.forEach((service, process) -> done.add(trainers.submit(() -> train(service, process, token))));
            for (Future<?> trained : done) {
                trained.get();
            }
        } finally {
            trainers.shutdownNow();
            children.removeAll(training.values());
        }
        for (Service service : untrained) {
            if (runtime.needsTraining(appDirectory(service), jvmOptions(service))) {
                log(service.name() + " recorded no class cache and starts without one; see "
                        + home.resolve("logs").resolve(service.name() + ".log"));
            }
        }
        log(String.format("class caches recorded in %.1f s", (System.nanoTime() - start) / 1e9));
    }

    private void train(Service service, ManagedProcess process, String token) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (process.alive() && !ready(http, ports.of(service)) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            URI list = URI.create("http://127.0.0.1:" + ports.of(service) + service.listPath());
            for (int i = 0; i < 20 && process.alive(); i++) {
                http.send(HttpRequest.newBuilder(list).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            }
        } catch (IOException e) {
            log(service.name() + "'s training start did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!process.stop(TRAINING_EXIT)) {
                log(service.name() + "'s training start did not exit within " + TRAINING_EXIT.toSeconds()
                        + " s; its class cache is dropped");
                runtime.dropCaches(appDirectory(service));
            }
        }
    }

    private List<String> serviceCommand(Service service) throws IOException {
        return serviceCommand(service, runtime.archiveOptions(appDirectory(service), jvmOptions(service)));
    }

    /**
     * The JVM options of a service's start, apart from its class archive: a laptop-sized heap, the serial collector,
     * C1 only (on a 2-core laptop C2's compilations cost more start time and RSS, about 60 MB a service, than its
     * faster code gives back under ./stack bench), and the service's own (its stack settings' {@code jvm.options}).
     */
    private List<String> jvmOptions(Service service) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss512k"));
        String own = serviceOverrides(service).get(JVM_OPTIONS);
        if (own != null) {
            options.addAll(List.of(own.trim().split("\\s+")));
        }
        return options;
    }

    private List<String> serviceCommand(Service service, List<String> archiveOptions) throws IOException {
        Path jar = appDirectory(service).resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: build with ./mvnw install -DskipTests");
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", String.valueOf(ports.of(service)));
        config.put("platform.db.host", "localhost");
        config.put("platform.db.port", String.valueOf(ports.postgres()));
        config.put("platform.db.name", DATABASE);
        config.put("platform.db.user", SERVICE_USER);
        config.put("platform.db.password", SERVICE_USER);
        config.put("platform.db.pool-size", "8");
        config.put("kafka.bootstrap.servers", "127.0.0.1:" + ports.kafka());
        config.put("mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString());
        config.putAll(serviceOverrides(service));
        config.remove(JVM_OPTIONS);
        List<String> command = new ArrayList<>();
        command.add(runtime.java());
        command.addAll(jvmOptions(service));
        command.addAll(archiveOptions);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.getFileName().toString());
        return command;
    }

    /** Per-service settings of the local stack (stack/src/main/resources/services/NAME.properties). */
    private Map<String, String> serviceOverrides(Service service) throws IOException {
        Map<String, String> overrides = new LinkedHashMap<>();
        try (InputStream in = Stack.class.getResourceAsStream("/services/" + service.name() + ".properties")) {
            if (in == null) {
                return overrides;
            }
            Properties props = new Properties();
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            for (String key : props.stringPropertyNames()) {
                String value = props.getProperty(key);
                for (Service other : services) {
                    value = value.replace("${stack.port." + other.name() + "}", String.valueOf(ports.of(other)));
                }
                overrides.put(key, value
                        .replace("${stack.port.gateway}", String.valueOf(ports.gateway()))
                        .replace("${stack.port.etsy-simulator}", String.valueOf(ports.etsy()))
                        .replace("${stack.home}", home.toString())
                        .replace("${stack.private-key}", keys.privateKey().toUri().toString())
                        .replace("${stack.encryption-key}", keys.encryptionKeyValue()));
            }
        }
        return overrides;
    }

    private void awaitServices(long start) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (readyMillis.size() < services.size()) {
            for (Service service : services) {
                ManagedProcess process = children.stream().filter(p -> p.name().equals(service.name())).findFirst()
                        .orElseThrow();
                if (readyMillis.containsKey(service.name())) {
                    continue;
                }
                if (!process.alive()) {
                    throw new IllegalStateException(service.name() + " exited with code " + process.exitValue()
                            + "; last lines of " + process.log() + ":\n" + process.tail(40));
                }
                if (ready(http, ports.of(service))) {
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    readyMillis.put(service.name(), ms);
                    log(String.format("%s ready after %.1f s", service.name(), ms / 1000.0));
                }
            }
            if (System.nanoTime() > deadline) {
                StringBuilder failures = new StringBuilder();
                for (ManagedProcess process : children) {
                    if (services.stream().anyMatch(s -> s.name().equals(process.name()))
                            && !readyMillis.containsKey(process.name())) {
                        failures.append(process.name()).append(" not ready; last lines of ").append(process.log())
                                .append(":\n").append(process.tail(40)).append('\n');
                    }
                }
                throw new IllegalStateException(failures.toString());
            }
            Thread.sleep(250);
        }
    }

    static boolean ready(HttpClient http, int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void writeState(long start) throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("pid", ProcessHandle.current().pid());
        state.put("ready_seconds", (System.nanoTime() - start) / 1e9);
        state.put("gateway", "http://localhost:" + ports.gateway());
        state.put("postgres_port", ports.postgres());
        state.put("kafka", "127.0.0.1:" + ports.kafka());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Service service : services) {
            ManagedProcess process = children.stream().filter(p -> p.name().equals(service.name())).findFirst()
                    .orElseThrow();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", service.name());
            entry.put("port", ports.of(service));
            entry.put("pid", process.pid());
            entry.put("ready_seconds", readyMillis.get(service.name()) / 1000.0);
            entry.put("command", process.command());
            entry.put("directory", process.directory().toString());
            list.add(entry);
        }
        state.put("services", list);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(home.resolve("state.json").toFile(), state);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void log(String message) {
        System.out.println(java.time.LocalTime.now().withNano(0) + " " + message);
        System.out.flush();
    }
}
