package app.nozzly.printer.queue;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.printer.api.ApiValue;

/** specs/002 scheduled print status; cancelled is ours (DELETE /bambu/scheduled-prints/:id). */
public enum ScheduledPrintStatus implements ApiValue {
    QUEUED("queued"),
    SCHEDULED("scheduled"),
    STARTED("started"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String value;

    ScheduledPrintStatus(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    /** Still waiting for a printer: it may be moved, changed or cancelled. */
    public boolean isWaiting() {
        return this == QUEUED || this == SCHEDULED;
    }

    public static final class Column extends ApiValueConverter<ScheduledPrintStatus> {
        public Column() {
            super(ScheduledPrintStatus.class);
        }
    }
}
