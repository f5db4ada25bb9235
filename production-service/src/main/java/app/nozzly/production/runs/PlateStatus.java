package app.nozzly.production.runs;

import java.util.Arrays;
import java.util.Optional;

/** Lifecycle of a plate (specs/000 "Production Run Plates"): pending, printing, then one of the end states. */
public enum PlateStatus {
    PENDING("pending"),
    PRINTING("printing"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String value;

    PlateStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<PlateStatus> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
