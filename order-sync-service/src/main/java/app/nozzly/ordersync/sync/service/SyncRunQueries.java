package app.nozzly.ordersync.sync.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.nozzly.ordersync.sync.RefusedReceipt;
import app.nozzly.ordersync.sync.SyncRun;
import app.nozzly.ordersync.sync.mapping.SyncRunPage;
import app.nozzly.ordersync.sync.mapping.SyncRunView;
import io.quarkus.panache.common.Sort;

/** Reading the shop's sync runs, newest first, each with the receipts it refused. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SyncRunQueries {

    public SyncRunPage list(int limit, int offset) {
        long total = SyncRun.count();
        List<SyncRun> runs = SyncRun.<SyncRun>findAll(Sort.descending("id")).range(offset, offset + limit - 1).list();
        Map<Long, List<RefusedReceipt>> refused = refusedOf(runs.stream().map(r -> r.id).toList());
        return new SyncRunPage(runs.stream().map(r -> SyncRunView.of(r, refused.getOrDefault(r.id, List.of())))
                .toList(), total, limit, offset, offset / limit + 1, (int) ((total + limit - 1) / limit));
    }

    public Optional<SyncRunView> find(long id) {
        return SyncRun.<SyncRun>findByIdOptional(id)
                .map(run -> SyncRunView.of(run, refusedOf(List.of(id)).getOrDefault(id, List.of())));
    }

    private static Map<Long, List<RefusedReceipt>> refusedOf(List<Long> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return RefusedReceipt.<RefusedReceipt>list("syncRunId in ?1", Sort.ascending("id"), runIds).stream()
                .collect(Collectors.groupingBy(r -> r.syncRunId));
    }
}
