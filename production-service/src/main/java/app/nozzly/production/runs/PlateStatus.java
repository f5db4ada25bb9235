package app.nozzly.production.runs;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.production.support.WireEnum;

/**
 * Lifecycle of a plate (specs/000 "Production Run Plates"): pending, printing, then one of the end states. Its
 * column holds the constant's name (PRINTING), as it always has.
 */
public enum PlateStatus implements WireEnum {
    PENDING("pending"),
    PRINTING("printing"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String value;

    PlateStatus(String value) {
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
