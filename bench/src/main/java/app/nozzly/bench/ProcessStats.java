package app.nozzly.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** CPU seconds and peak RSS of the services' processes during a scenario, read from /proc. */
final class ProcessStats implements AutoCloseable {

    private static final double CLOCK_TICKS = 100.0;

    private final Map<String, Long> pids;
    private final Map<String, Double> cpuAtStart = new LinkedHashMap<>();
    private final Map<String, Long> peakRssMb = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    ProcessStats(Map<String, Long> pids) {
        this.pids = pids;
        pids.forEach((name, pid) -> cpuAtStart.put(name, cpuSeconds(pid)));
        sampler.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        pids.forEach((name, pid) -> peakRssMb.merge(name, rssMb(pid), Math::max));
    }

    /** "name cpu s / peak MB" for every process, in a stable order. */
    Map<String, String> summary() {
        return summary(List.copyOf(pids.keySet()));
    }

    /** The same for the services a scenario involves. */
    Map<String, String> summary(List<String> names) {
        sample();
        Map<String, String> summary = new LinkedHashMap<>();
        names.stream().filter(pids::containsKey).forEach(name -> summary.put(name, String.format("%.1f s / %d MB",
                cpuSecondsSinceStart(name), peakRssMb.getOrDefault(name, 0L))));
        return summary;
    }

    double cpuSecondsSinceStart(String name) {
        return cpuSeconds(pids.get(name)) - cpuAtStart.get(name);
    }

    long peakRssMb(String name) {
        return peakRssMb.getOrDefault(name, 0L);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
