package app.nozzly.production.process.batches;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.production.support.WireEnum;

/** specs/001 Batch.status: planned -> in_progress -> quality_check -> completed | failed. */
public enum BatchStatus implements WireEnum {
    PLANNED("planned"),
    IN_PROGRESS("in_progress"),
    QUALITY_CHECK("quality_check"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String value;

    BatchStatus(String value) {
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

    /** Stored as its wire value, the value its column has always held. */
    @Converter
    public static class Column extends WireEnum.Column<BatchStatus> {
        public Column() {
            super(BatchStatus.class);
        }
    }
}
