package app.nozzly.production.runs;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.production.support.WireEnum;

/**
 * Lifecycle of a production run (specs/000 "List Production Runs", status_filter values). Its column holds the
 * constant's name (IN_PROGRESS), as it always has.
 */
public enum RunStatus implements WireEnum {
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String value;

    RunStatus(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
