package app.nozzly.printer.jobs;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/003 job status. */
@EnumNaming(SpecEnumNaming.class)
public enum JobStatus implements WireEnum {
    /** Waiting in a printer's queue (specs/002 scheduled prints); a job the printer runs is never queued. */
    QUEUED,
    PRINTING,
    PAUSED,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** Printing or paused: the printer is busy with the job. */
    public boolean isActive() {
        return this == PRINTING || this == PAUSED;
    }

    public static final class Column extends WireEnum.Column<JobStatus> {
        public Column() {
            super(JobStatus.class);
        }
    }
}
