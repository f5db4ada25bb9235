package app.nozzly.production.runs.service;

import java.util.Set;

/** The printer.jobs event types a plate follows (README events table; printer-service publishes them). */
public final class PrinterJobs {

    public static final String STARTED = "printer.job.started";
    public static final String FINISHED = "printer.job.finished";
    public static final String FAILED = "printer.job.failed";
    public static final Set<String> FOLLOWED = Set.of(STARTED, FINISHED, FAILED);

    private PrinterJobs() {
    }
}
