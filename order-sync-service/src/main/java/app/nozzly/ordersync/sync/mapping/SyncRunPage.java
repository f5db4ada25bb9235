package app.nozzly.ordersync.sync.mapping;

import java.util.List;

/** A page of sync runs, newest first, with the specs/002 pagination fields. */
public record SyncRunPage(List<SyncRunView> runs, long total, int limit, int offset, int page, int pages) {
}
