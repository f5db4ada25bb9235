package app.nozzly.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import app.nozzly.infra.KafkaBrokerProcess;

/**
 * Another of our services, packaged by the same build ({@code <module>/target/quarkus-app}), running as
 * its own JVM against the test JVM's Postgres and Kafka. For tests that cross service boundaries; a
 * service is never replaced by a stand-in. {@link #kill()} is a kill -9, {@link #start()} brings it back.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final Path jar;
    private final Path log;
    private final int port;
    private final Map<String, String> config;
    private Process process;

    private ServiceProcess(String module, Map<String, String> config) {
        this.module = module;
        Path root = repositoryRoot();
        this.jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + module + " first (./mvnw -pl " + module
                    + " package -DskipTests); the reactor builds it before the modules that test against it");
        }
        this.port = KafkaBrokerProcess.freePort();
        this.log = Paths.get("target").toAbsolutePath().resolve(module + "-" + port + ".log");
        this.config = new LinkedHashMap<>();
        this.config.put("quarkus.http.port", String.valueOf(port));
        this.config.putAll(config);
    }

    /** Starts the packaged service on the test JVM's Postgres and Kafka and waits until it reports ready. */
    public static ServiceProcess start(String module, Map<String, String> extraConfig) {
        Map<String, String> config = PlatformInfra.get().serviceConfig();
        config.putAll(extraConfig);
        ServiceProcess service = new ServiceProcess(module, config);
        service.start();
        return service;
    }

    /**
     * Starts the packaged service with exactly this configuration (database, broker and keys included), for
     * harnesses that run their own infrastructure, and waits until it reports ready.
     */
    public static ServiceProcess startWith(String module, Map<String, String> config) {
        ServiceProcess service = new ServiceProcess(module, config);
        service.start();
        return service;
    }

    public String module() {
        return module;
    }

    /** The JVM's pid, or -1 when it is not running. */
    public synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /** Freezes the JVM (SIGSTOP): it holds its sockets and connections but answers nothing. */
    public synchronized void freeze() {
        signal("STOP");
    }

    /** Lets a frozen JVM run again (SIGCONT). */
    public synchronized void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        if (process == null) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("could not send SIG" + name + " to " + module, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + module, e);
        }
        awaitReady(Duration.ofSeconds(180));
    }

    /** Ends the JVM at once, as kill -9 would: no shutdown hook, no graceful drain. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; log tail:\n"
                        + tail());
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + module, e);
            }
            sleep(250);
        }
        kill();
        throw new IllegalStateException(module + " not ready within " + timeout + "; log tail:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path repositoryRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("platform-commons"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the platform's repository: " + Paths.get("").toAbsolutePath());
    }
}
