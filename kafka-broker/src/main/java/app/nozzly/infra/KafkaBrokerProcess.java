package app.nozzly.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node KRaft Apache Kafka broker in a child JVM with the broker's own classpath (the Quarkus
 * BOM pins other versions of its dependencies). Data lives in a directory of the caller's choosing, so
 * a broker restarted on the same directory keeps its topics and offsets.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final String READY_LINE = "Kafka Server started";

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private ProcessHandle process;

    public KafkaBrokerProcess(Path home, int port, int controllerPort, String heap) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
    }

    /**
     * The broker running in {@code home} that another part of this JVM started (a test class loader before a Quarkus
     * restart, say), found by its command line; stopping or killing it here stops that broker.
     */
    public static KafkaBrokerProcess attach(Path home, int port, int controllerPort, String heap) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(home, port, controllerPort, heap);
        String prefix = home.toString();
        broker.process = ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(args -> List.of(args).stream().anyMatch(arg -> arg.startsWith(prefix))).orElse(false))
                .findFirst().orElse(null);
        return broker;
    }

    /** What {@link #attach} needs to find this broker: its directory, ports and heap, separated by '|'. */
    public String describe() {
        return home + "|" + port + "|" + controllerPort + "|" + heap;
    }

    /** The broker {@link #describe} described. */
    public static KafkaBrokerProcess attach(String described) {
        String[] parts = described.split("\\|");
        return attach(Paths.get(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), parts[3]);
    }

    /** A broker on free ports in a fresh temporary directory. */
    public static KafkaBrokerProcess onFreePorts() {
        try {
            return new KafkaBrokerProcess(Files.createTempDirectory("kafka-"), freePort(), freePort(), "384m");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return home.resolve("broker.log");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker and waits until it accepts clients. */
    public synchronized void start(Duration timeout) {
        if (isRunning()) {
            return;
        }
        try {
            Path config = writeConfig();
            if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
                format(config);
            }
            Files.deleteIfExists(logFile());
            ProcessBuilder builder = new ProcessBuilder(command(
                    List.of("-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC",
                            "-Dlog4j2.configurationFile=" + writeLogConfig().toUri()),
                    KafkaBrokerMain.class.getName(), String.valueOf(ProcessHandle.current().pid()),
                    config.toString()));
            builder.redirectErrorStream(true).redirectOutput(logFile().toFile());
            process = builder.start().toHandle();
            awaitReady(timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka in " + home, e);
        }
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!awaitExit(30)) {
            process.destroyForcibly();
            awaitExit(10);
        }
        process = null;
    }

    /** Ends the broker at once, as kill -9 would: no controlled shutdown, logs not flushed. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(10);
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private boolean awaitExit(int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited; log tail:\n" + tail());
            }
            if (Files.exists(logFile()) && Files.readString(logFile(), StandardCharsets.UTF_8).contains(READY_LINE)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            }
        }
        stop();
        throw new IllegalStateException("Kafka not ready within " + timeout + "; log tail:\n" + tail());
    }

    private String tail() throws IOException {
        if (!Files.exists(logFile())) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private void format(Path config) throws IOException {
        String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        Process formatting = new ProcessBuilder(command(List.of("-Xmx128m", "-XX:+UseSerialGC"),
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()))
                .redirectErrorStream(true).redirectOutput(home.resolve("format.log").toFile()).start();
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed: "
                        + Files.readString(home.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private Path writeConfig() throws IOException {
        Files.createDirectories(home);
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        Path file = home.resolve("server.properties");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private Path writeLogConfig() throws IOException {
        Path file = home.resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d{HH:mm:ss.SSS} %-5p [%c] %m%n",
                "logger.server.name=kafka.server.KafkaRaftServer",
                "logger.server.level=INFO",
                ""), StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> command(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private static String classpath() {
        try (InputStream in = KafkaBrokerProcess.class.getResourceAsStream("/kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.classpath missing: build the kafka-broker module");
            }
            String own = Paths.get(KafkaBrokerProcess.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString();
            return own + java.io.File.pathSeparator + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
