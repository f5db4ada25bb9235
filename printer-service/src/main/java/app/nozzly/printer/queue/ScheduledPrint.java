package app.nozzly.printer.queue;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A print waiting in a printer's queue (specs/002 Print Scheduling). */
@Entity
@Table(name = "scheduled_print")
public class ScheduledPrint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scheduled_print_seq")
    @SequenceGenerator(name = "scheduled_print_seq", sequenceName = "scheduled_print_seq", allocationSize = 50)
    public Long id;

    @TenantId
    public String tenantId;

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
