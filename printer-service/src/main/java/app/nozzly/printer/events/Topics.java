package app.nozzly.printer.events;

/** Topics and event types of printer-service, as agreed in the README's Events table. */
public final class Topics {

    public static final String STATUS = "printer.status";
    public static final String JOBS = "printer.jobs";
    public static final String STATUS_CHANGED = "printer.status.changed";
    public static final String JOB_STARTED = "printer.job.started";
    public static final String JOB_PROGRESS = "printer.job.progress";
    public static final String JOB_FINISHED = "printer.job.finished";
    public static final String JOB_FAILED = "printer.job.failed";

    private Topics() {
    }
}
