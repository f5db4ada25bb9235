package app.nozzly.production.runs;

import java.util.Arrays;
import java.util.Optional;

/** Lifecycle of a production run (specs/000 "List Production Runs", status_filter values). */
public enum RunStatus {
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String value;

    RunStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<RunStatus> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
