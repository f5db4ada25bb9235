package app.nozzly.chaos;

import java.util.List;

/**
 * {@code ./stack chaos [--quick]}: one chaos run on this machine (its own Postgres, Kafka and service processes on
 * free ports, nothing of the local stack touched), then the report. Exits 1 when an invariant failed.
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        ChaosRun.Outcome outcome = new ChaosRun(quick, System.out).run();
        ChaosRun.report(outcome, System.out);
        System.exit(outcome.passed() ? 0 : 1);
    }
}
