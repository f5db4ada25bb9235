package app.nozzly.ordersync.sync.mapping;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import app.nozzly.ordersync.sync.SyncRun;

/** A sync run as the API shows it: progress, result and the committed cursor. */
public record SyncRunView(long id, String trigger, String status, int pages, int receiptsSeen, int receiptsCreated,
        int receiptsUpdated, Long startCursor, Long cursor, String error, LocalDateTime startedAt,
        LocalDateTime finishedAt) {

    public static SyncRunView of(SyncRun run) {
        return new SyncRunView(run.id, run.triggerKind, run.status, run.pages, run.receiptsSeen, run.receiptsCreated,
                run.receiptsUpdated, run.startCursor, run.syncCursor, run.error,
                run.startedAt.truncatedTo(ChronoUnit.SECONDS),
                run.finishedAt == null ? null : run.finishedAt.truncatedTo(ChronoUnit.SECONDS));
    }
}
