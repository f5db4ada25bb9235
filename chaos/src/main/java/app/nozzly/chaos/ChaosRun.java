package app.nozzly.chaos;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import app.nozzly.testing.ServiceProcess;

/**
 * One chaos run: the platform up, the workload running, the faults of the schedule injected at their times,
 * then recovery and the invariants. The quick form (CI) keeps every fault and shortens the pauses between them.
 */
final class ChaosRun {

    /** A fault injected: when, what, and how long until every replica was ready again after it ended. */
    record Injected(Duration at, String what, Duration readyAfter) {
    }

    /** The run's outcome, for the report and for the test. */
    record Outcome(List<Injected> faults, Map<String, Map<Integer, Integer>> statuses, Invariants invariants,
            List<Client.ServerError> serverErrors, Duration recovery) {

        boolean passed() {
            return invariants.allHeld() && serverErrors.isEmpty() && recovery != null;
        }
    }

    private final boolean quick;
    private final PrintStream out;
    private final List<Injected> faults = new ArrayList<>();

    ChaosRun(boolean quick, PrintStream out) {
        this.quick = quick;
        this.out = out;
    }

    Outcome run() throws Exception {
        try (ChaosPlatform platform = new ChaosPlatform(ChaosPlatform.freshHome())) {
            log("starting the platform (2 replicas of " + String.join(", ", ChaosPlatform.REPLICATED) + ") in "
                    + platform.home());
            platform.start();
            try (Workload workload = new Workload(platform)) {
                workload.setUp();
                workload.start();
                long started = System.nanoTime();
                schedule(platform, workload, started);
                workload.stop();
                log("load stopped; waiting for every replica to be ready");
                Duration recovery = platform.awaitReady(Duration.ofSeconds(120));
                awaitOutboxes(platform, Duration.ofSeconds(90));
                workload.settleUnknowns();
                workload.finalSync();
                workload.awaitPrintersIdle(Duration.ofSeconds(90));
                Thread.sleep(5000);
                Invariants invariants = new Invariants();
                try (Connection db = platform.jdbc()) {
                    invariants.verify(db, platform.kafka(), workload, workload.receipts.get());
                }
                return new Outcome(faults, workload.client().statuses(), invariants,
                        workload.client().serverErrors(), recovery);
            }
        }
    }

    private void schedule(ChaosPlatform platform, Workload workload, long started) throws Exception {
        ServiceProcess inventory = platform.replicasOf("inventory-service").get(0);
        ServiceProcess production = platform.replicasOf("production-service").get(0);
        ServiceProcess otherProduction = platform.replicasOf("production-service").get(1);
        ServiceProcess printer = platform.replicasOf("printer-service").get(1);
        Duration gap = quick ? Duration.ofSeconds(8) : Duration.ofSeconds(30);
        Duration freeze = quick ? Duration.ofSeconds(10) : Duration.ofSeconds(30);
        pause(gap, "steady load");
        fault(platform, started, gap, "Kafka killed (kill -9)", platform::killKafka, platform::startKafka);
        workload.sendInvalidOnPurpose(platform.kafka());
        log("sent a run event without a run id to production.runs, invalid on purpose");
        fault(platform, started, gap, "Postgres stopped", platform::stopPostgres, platform::startPostgres);
        pause(gap, "steady load");
        Check.run(() -> log("cut " + platform.terminateSessions("inventory-service")
                + " database sessions of inventory-service (pg_terminate_backend)"));
        faults.add(new Injected(elapsed(started), "inventory-service's sessions cut", null));
        fault(platform, started, gap, "inventory-service replica 1 killed (kill -9)", inventory::kill,
                inventory::start);
        fault(platform, started, freeze, "production-service replica 1 frozen (SIGSTOP)", production::freeze,
                production::thaw);
        fault(platform, started, gap, "production-service replica 2 killed (kill -9)", otherProduction::kill,
                otherProduction::start);
        fault(platform, started, gap, "printer-service replica 2 killed (kill -9)", printer::kill, printer::start);
        pause(gap, "steady load");
    }

    /** Breaks something, lets the load run against it for a while, repairs it, and notes how long recovery took. */
    private void fault(ChaosPlatform platform, long started, Duration lasting, String what, Check.Action breakIt,
            Check.Action repair) throws Exception {
        Duration at = elapsed(started);
        log(what);
        breakIt.run();
        Thread.sleep(lasting.toMillis());
        repair.run();
        log(what + ": repaired");
        CompletableFuture<Duration> ready = CompletableFuture.supplyAsync(() -> Check.call(
                () -> platform.awaitReady(Duration.ofSeconds(120))));
        Thread.sleep(lasting.toMillis());
        faults.add(new Injected(at, what, ready.join()));
    }

    private void pause(Duration pause, String what) throws InterruptedException {
        log(what);
        Thread.sleep(pause.toMillis());
    }

    private static void awaitOutboxes(ChaosPlatform platform, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int pending = 0;
            try (Connection db = platform.jdbc(); Statement statement = db.createStatement()) {
                for (String schema : List.of("inventory", "production", "printer", "ordersync", "facility")) {
                    try (ResultSet rows = statement.executeQuery("select count(*) from " + schema
                            + ".outbox_event where published_at is null")) {
                        rows.next();
                        pending += rows.getInt(1);
                    }
                }
            }
            if (pending == 0) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void log(String message) {
        out.println(LocalTime.now().withNano(0) + " chaos: " + message);
        out.flush();
    }

    static void report(Outcome outcome, PrintStream out) {
        out.println();
        out.println("Chaos report");
        out.println("  faults (time since load start, what, seconds until every replica was ready again):");
        for (Injected fault : outcome.faults()) {
            out.printf("    %5.0f s  %-50s %s%n", fault.at().toMillis() / 1000.0, fault.what(),
                    fault.readyAfter() == null ? "-" : String.format("%.1f s", fault.readyAfter().toMillis() / 1000.0));
        }
        out.println("  answers by operation (status: count; 0 = no answer):");
        outcome.statuses().forEach((operation, statuses) -> out.printf("    %-16s %s%n", operation, statuses));
        out.println("  5xx other than 503: " + outcome.serverErrors().size());
        outcome.serverErrors().forEach(error -> out.println("    " + error));
        out.println("  every replica ready after the load: " + (outcome.recovery() == null ? "NO"
                : String.format("%.1f s", outcome.recovery().toMillis() / 1000.0)));
        out.println("  invariants:");
        for (Invariants.Check check : outcome.invariants().checks()) {
            out.printf("    %-4s %s (%s)%n", check.held() ? "ok" : "FAIL", check.name(), check.evidence());
        }
        out.println(outcome.passed() ? "PASSED" : "FAILED");
    }

    /** Checked actions for the schedule's lambdas. */
    static final class Check {

        @FunctionalInterface
        interface Action {
            void run() throws Exception;
        }

        @FunctionalInterface
        interface Supplier<T> {
            T get() throws Exception;
        }

        private Check() {
        }

        static void run(Action action) {
            try {
                action.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static <T> T call(Supplier<T> supplier) {
            try {
                return supplier.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
