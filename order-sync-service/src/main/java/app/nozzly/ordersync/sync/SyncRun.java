package app.nozzly.ordersync.sync;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.nozzly.ordersync.common.TenantRow;

/**
 * One sync of a shop's receipts (specs/002 POST /orders/sync), committed page by page: what it has done so far
 * and where it stands. It ends completed or failed with its error, also when the process running it died.
 */
@Entity
@Table(name = "sync_run")
public class SyncRun extends TenantRow {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** manual or scheduled. */
    public String triggerKind;
    public String status;
    public int pages;
    public int receiptsSeen;
    public int receiptsCreated;
    public int receiptsUpdated;
    /** Receipts no order can hold (see {@link RefusedReceipt}); the run went on past them. */
    public int receiptsRefused;
    /** The shop's cursor when the run began (Etsy min_last_modified, epoch seconds). */
    public Long startCursor;
    /** The last committed cursor: a failed run's successor resumes here. */
    public Long syncCursor;
    public String error;
    public LocalDateTime startedAt;
    public LocalDateTime finishedAt;
}
