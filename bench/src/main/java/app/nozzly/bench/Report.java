package app.nozzly.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Prints the benchmark table: one line per scenario and one for its baseline, then the processes. */
final class Report {

    private Report() {
    }

    /**
     * Writes the run into {@code results/<time>/}: the table as report.txt and one latency chart per scenario; and
     * {@code results/latest.md}, which points at them.
     */
    static Path write(List<Result> results, Path directory, String title) throws IOException {
        String stamp = LocalDateTime.now().withNano(0).toString().replace(':', '-');
        Path run = Files.createDirectories(directory.resolve(stamp));
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(table, true, StandardCharsets.UTF_8)) {
            print(results, out);
        }
        Files.write(run.resolve("report.txt"), table.toByteArray());
        StringBuilder latest = new StringBuilder("# Latest bench run: " + stamp + "\n\n" + title + "\n\n```\n")
                .append(table.toString(StandardCharsets.UTF_8)).append("```\n\n");
        for (Result result : results) {
            String svg = Charts.svg(result);
            if (svg != null) {
                String file = "scenario-" + result.scenario().split(" ")[0] + ".svg";
                Files.writeString(run.resolve(file), svg);
                latest.append("![").append(result.scenario()).append("](").append(stamp).append('/').append(file)
                        .append(")\n\n");
            }
        }
        Files.writeString(directory.resolve("latest.md"), latest);
        return run;
    }

    static void print(List<Result> results, PrintStream out) {
        String format = "%-26s %10s %9s %9s %9s %7s %8s  %s%n";
        out.printf(format, "scenario", "ops/s", "p50 ms", "p95 ms", "p99 ms", "errors", "ratio", "target");
        out.println("-".repeat(120));
        for (Result result : results) {
            row(out, format, result.scenario(), result.measured(), ratio(result), result.target()
                    + (result.met() ? "  PASS" : "  MISS"));
            if (result.baseline() != null) {
                row(out, format, "  " + result.baselineLabel(), result.baseline(), "", "");
            }
            for (Map.Entry<String, String> process : result.processes().entrySet()) {
                out.printf("    %-22s cpu / peak RSS %s%n", process.getKey(), process.getValue());
            }
            for (Measurement m : new Measurement[] { result.measured(), result.baseline() }) {
                if (m != null && m.firstError() != null) {
                    out.printf("    first error: %s%n", m.firstError());
                }
            }
            if (result.note() != null && !result.note().isBlank()) {
                out.printf("    note: %s%n", result.note());
            }
        }
    }

    private static void row(PrintStream out, String format, String name, Measurement m, String ratio, String target) {
        if (m == null) {
            out.printf(format, name, "-", "-", "-", "-", "-", ratio, target);
            return;
        }
        out.printf(format, name, String.format("%.1f", m.throughput()), String.format("%.2f", m.percentileMillis(50)),
                String.format("%.2f", m.percentileMillis(95)), String.format("%.2f", m.percentileMillis(99)),
                String.valueOf(m.errors()), ratio, target);
    }

    private static String ratio(Result result) {
        if (!result.comparable() || result.baseline() == null || result.measured() == null
                || result.baseline().throughput() == 0) {
            return "";
        }
        return String.format("%.2fx", result.measured().throughput() / result.baseline().throughput());
    }
}
