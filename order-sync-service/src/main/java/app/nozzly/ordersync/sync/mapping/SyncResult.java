package app.nozzly.ordersync.sync.mapping;

/** specs/002 POST /orders/sync: {message, synced_count, total_orders}, plus updates and the run itself. */
public record SyncResult(String message, int syncedCount, int updatedCount, long totalOrders, SyncRunView syncRun) {

    public static SyncResult of(SyncRunView run, long totalOrders) {
        return new SyncResult("Synced " + run.receiptsCreated() + " new orders", run.receiptsCreated(),
                run.receiptsUpdated(), totalOrders, run);
    }
}
