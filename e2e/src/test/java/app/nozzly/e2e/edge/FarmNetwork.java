package app.nozzly.e2e.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A farm's own network on this machine: a Linux network namespace joined to the host by one veth pair. Inside,
 * the printers listen on the namespace's own loopback, which nothing outside can reach; the only address the
 * farm can reach outside is the host end of the pair, where the gateway listens. Needs root and iproute2.
 */
final class FarmNetwork implements AutoCloseable {

    private final String name;
    private final String hostLink;
    private final String farmLink;
    private final String hostAddress;
    private final String farmAddress;

    private FarmNetwork(int id) {
        name = "nzfarm" + id;
        hostLink = "nzh" + id;
        farmLink = "nzf" + id;
        hostAddress = "10.231." + (id % 250) + ".1";
        farmAddress = "10.231." + (id % 250) + ".2";
    }

    /** Whether this machine lets the test create namespaces (root with iproute2). */
    static boolean available() {
        try {
            return "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(),
                    StandardCharsets.US_ASCII).trim()) && run(List.of("ip", "netns", "list")) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static FarmNetwork create() {
        FarmNetwork network = new FarmNetwork((int) (ProcessHandle.current().pid() % 10_000));
        network.close();
        network.ip("netns", "add", network.name);
        network.ip("link", "add", network.hostLink, "type", "veth", "peer", "name", network.farmLink);
        network.ip("link", "set", network.farmLink, "netns", network.name);
        network.ip("addr", "add", network.hostAddress + "/30", "dev", network.hostLink);
        network.ip("link", "set", network.hostLink, "up");
        network.ip("-n", network.name, "addr", "add", network.farmAddress + "/30", "dev", network.farmLink);
        network.ip("-n", network.name, "link", "set", network.farmLink, "up");
        network.ip("-n", network.name, "link", "set", "lo", "up");
        return network;
    }

    /** The host's address on the farm's link: what the farm's agent connects to. */
    String hostAddress() {
        return hostAddress;
    }

    /** Starts a command inside the farm's network, its output appended to {@code log}. */
    Process start(List<String> command, Path log) throws IOException {
        List<String> inside = new ArrayList<>(List.of("ip", "netns", "exec", name));
        inside.addAll(command);
        return new ProcessBuilder(inside).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        if (run(command) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(20, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Removes the namespace and its link (the processes inside must be stopped first). */
    @Override
    public void close() {
        run(List.of("ip", "link", "del", hostLink));
        run(List.of("ip", "netns", "del", name));
    }
}
