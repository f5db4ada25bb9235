package app.nozzly.printer.queue;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/002 scheduled print status; cancelled is ours (DELETE /bambu/scheduled-prints/:id). */
@EnumNaming(SpecEnumNaming.class)
public enum ScheduledPrintStatus implements WireEnum {
    QUEUED,
    SCHEDULED,
    STARTED,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** Still waiting for a printer: it may be moved, changed or cancelled. */
    public boolean isWaiting() {
        return this == QUEUED || this == SCHEDULED;
    }

    public static final class Column extends WireEnum.Column<ScheduledPrintStatus> {
        public Column() {
            super(ScheduledPrintStatus.class);
        }
    }
}
