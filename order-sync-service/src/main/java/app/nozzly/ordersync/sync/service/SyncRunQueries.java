package app.nozzly.ordersync.sync.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.nozzly.ordersync.sync.SyncRun;
import app.nozzly.ordersync.sync.mapping.SyncRunView;
import io.quarkus.panache.common.Sort;

/** Reading the shop's sync runs, newest first. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SyncRunQueries {

    public record SyncRunPage(List<SyncRunView> runs, long total, int limit, int offset, int page, int pages) {
    }

    public SyncRunPage list(int limit, int offset) {
        long total = SyncRun.count();
        List<SyncRunView> runs = SyncRun.<SyncRun>findAll(Sort.descending("id")).range(offset, offset + limit - 1)
                .list().stream().map(SyncRunView::of).toList();
        return new SyncRunPage(runs, total, limit, offset, offset / limit + 1, (int) ((total + limit - 1) / limit));
    }

    public Optional<SyncRunView> find(long id) {
        return SyncRun.<SyncRun>findByIdOptional(id).map(SyncRunView::of);
    }
}
