package app.nozzly.printer.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.printer.api.ApiValue;

/** specs/003 job status. */
public enum JobStatus implements ApiValue {
    /** Waiting in a printer's queue (specs/002 scheduled prints); a job the printer runs is never queued. */
    QUEUED("queued"),
    PRINTING("printing"),
    PAUSED("paused"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String value;

    JobStatus(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    /** Printing or paused: the printer is busy with the job. */
    public boolean isActive() {
        return this == PRINTING || this == PAUSED;
    }

    public static final class Column extends ApiValueConverter<JobStatus> {
        public Column() {
            super(JobStatus.class);
        }
    }
}
