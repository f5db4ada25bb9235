package app.nozzly.ordersync.sync;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One sync of a shop's receipts, committed page by page: what it has done so far and where it stands. */
@Entity
@Table(name = "sync_run")
public class SyncRun extends PanacheEntityBase {

    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @org.hibernate.annotations.TenantId
    public String tenantId;

    /** manual or scheduled. */
    public String triggerKind;
    public String status;
    public int pages;
    public int receiptsSeen;
    public int receiptsCreated;
    public int receiptsUpdated;
    /** The shop's cursor when the run began (Etsy min_last_modified, epoch seconds). */
    public Long startCursor;
    /** The last committed cursor: a failed run's successor resumes here. */
    public Long syncCursor;
    public String error;
    public LocalDateTime startedAt;
    public LocalDateTime finishedAt;
}
