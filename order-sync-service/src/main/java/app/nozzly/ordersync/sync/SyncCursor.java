package app.nozzly.ordersync.sync;

import java.util.List;

import app.nozzly.ordersync.etsy.client.EtsyModels;

/**
 * Where the next page of a shop's sync starts (specs/002 POST /orders/sync): Etsy's min_last_modified and an
 * offset into the receipts changed since then, oldest change first. The cursor only moves forward and never
 * below Etsy's minimum (946684800); a page without a later known time keeps it and pages on by offset. Each
 * request moves the cursor or the offset forward, so a run ends; a receipt may be read twice, never skipped.
 */
public record SyncCursor(Long minLastModified, int offset) {

    /** The start of a run from the shop's stored cursor; one below Etsy's minimum counts as none. */
    public static SyncCursor start(Long stored) {
        return new SyncCursor(usable(stored), 0);
    }

    /** A stored cursor Etsy accepts, or null (read from the shop's first receipt). */
    public static Long usable(Long stored) {
        return stored != null && stored >= EtsyModels.EARLIEST_TIMESTAMP ? stored : null;
    }

    /**
     * The request after a page of {@code limit} whose receipts (in page order) changed at {@code lastModified}
     * (null where Etsy left the time out). A later known time opens a new window there at offset 0, unless the
     * receipts already read at or after that time fill a page: then the offset skips them.
     */
    public SyncCursor next(List<Long> lastModified, int limit) {
        long latest = lastModified.stream().filter(t -> t != null && t >= EtsyModels.EARLIEST_TIMESTAMP)
                .mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        if (latest == Long.MIN_VALUE || minLastModified != null && latest <= minLastModified) {
            return new SyncCursor(minLastModified, offset + lastModified.size());
        }
        int firstAtLatest = 0;
        while (!Long.valueOf(latest).equals(lastModified.get(firstAtLatest))) {
            firstAtLatest++;
        }
        int readAtOrAfter = lastModified.size() - firstAtLatest;
        return new SyncCursor(latest, readAtOrAfter >= limit ? readAtOrAfter : 0);
    }
}
