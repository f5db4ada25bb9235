package app.nozzly.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child JVM of the stack (service or simulator) with its log file. */
final class ManagedProcess {

    private final String name;
    private final List<String> command;
    private final Path log;
    private final Path directory;
    private Process process;

    ManagedProcess(String name, List<String> command, Path log) {
        this(name, command, log, null);
    }

    /** A process started in {@code directory} (null: the stack's own working directory). */
    ManagedProcess(String name, List<String> command, Path log, Path directory) {
        this.name = name;
        this.command = command;
        this.log = log;
        this.directory = directory;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    List<String> command() {
        return command;
    }

    Path directory() {
        return directory;
    }

    void start() throws IOException {
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    int exitValue() {
        return process.exitValue();
    }

    void stop() {
        stop(Duration.ofSeconds(25));
    }

    /** Asks the process to exit and waits {@code patience} for it before killing it; true when it exited itself. */
    boolean stop(Duration patience) {
        if (process == null) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** Resident set size in MB, from /proc (Linux). */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
