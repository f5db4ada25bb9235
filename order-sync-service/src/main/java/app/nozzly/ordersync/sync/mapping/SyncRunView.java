package app.nozzly.ordersync.sync.mapping;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import app.nozzly.ordersync.sync.RefusedReceipt;
import app.nozzly.ordersync.sync.SyncRun;

/** A sync run as the API shows it: progress, result, the committed cursor and the receipts it refused. */
public record SyncRunView(long id, String trigger, String status, int pages, int receiptsSeen, int receiptsCreated,
        int receiptsUpdated, int receiptsRefused, List<Refused> refused, Long startCursor, Long cursor, String error,
        LocalDateTime startedAt, LocalDateTime finishedAt) {

    /** A receipt no order could hold, and why. */
    public record Refused(String etsyReceiptId, String reason, LocalDateTime refusedAt) {
    }

    public static SyncRunView of(SyncRun run, List<RefusedReceipt> refused) {
        return new SyncRunView(run.id, run.triggerKind, run.status, run.pages, run.receiptsSeen, run.receiptsCreated,
                run.receiptsUpdated, run.receiptsRefused,
                refused.stream().map(r -> new Refused(String.valueOf(r.etsyReceiptId), r.reason,
                        r.refusedAt.truncatedTo(ChronoUnit.SECONDS))).toList(),
                run.startCursor, run.syncCursor, run.error, run.startedAt.truncatedTo(ChronoUnit.SECONDS),
                run.finishedAt == null ? null : run.finishedAt.truncatedTo(ChronoUnit.SECONDS));
    }
}
