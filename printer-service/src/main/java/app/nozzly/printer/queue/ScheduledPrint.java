package app.nozzly.printer.queue;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import app.nozzly.printer.persistence.TenantRow;

/** A print waiting in a printer's queue (specs/002 Print Scheduling). */
@Entity
@Table(name = "scheduled_print")
@SequenceGenerator(sequenceName = "scheduled_print_seq", allocationSize = 50)
public class ScheduledPrint extends TenantRow {

    public String printerId;
    public String jobName;
    public String fileName;
    public String materialType;
    public Integer materialSlot;
    public Integer estimatedDurationMinutes;
    public int priority;
    @Convert(converter = ScheduledPrintStatus.Column.class)
    public ScheduledPrintStatus status;
    public Instant scheduledStart;
    public String externalRef;
    public String dispatchedPrinterId;
    public Long jobId;
    public Instant startedAt;
    public Instant finishedAt;
    public String lastError;
    public Instant createdAt;
    public Instant updatedAt;
}
