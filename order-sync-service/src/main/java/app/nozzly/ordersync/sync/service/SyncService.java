package app.nozzly.ordersync.sync.service;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.nozzly.ordersync.auth.EtsyShop;
import app.nozzly.ordersync.config.OrderSyncConfig;
import app.nozzly.ordersync.etsy.EtsyException;
import app.nozzly.ordersync.etsy.EtsyUnavailable;
import app.nozzly.ordersync.etsy.client.EtsyModels;
import app.nozzly.ordersync.etsy.service.EtsyAccounts;
import app.nozzly.ordersync.orders.ReceiptRules;
import app.nozzly.ordersync.orders.service.OrderService;
import app.nozzly.ordersync.sync.RefusedReceipt;
import app.nozzly.ordersync.sync.SyncCursor;
import app.nozzly.ordersync.sync.SyncRun;
import app.nozzly.ordersync.sync.mapping.SyncRunView;
import app.nozzly.ordersync.sync.repository.ShopSyncLocks;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.errors.DatabaseProblems;
import app.nozzly.platform.errors.ErrorCodes;
import app.nozzly.platform.errors.RequestIds;
import app.nozzly.platform.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * specs/002 POST /orders/sync and the scheduled sync: incremental by Etsy's min_last_modified, oldest change
 * first, each page committed with the shop's cursor ({@link SyncCursor}) so a failure resumes where it stopped.
 * A receipt no order can hold is refused on its own, recorded on the run with its reason, and the run goes on.
 * Every run ends completed or failed with its error; one left running by a process that died is ended by the
 * shop's next sync. One sync per shop at a time across replicas ({@link ShopSyncLocks}).
 */
@ApplicationScoped
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class);

    /** Result of one run, for the API. */
    public record Outcome(SyncRunView run, long totalOrders) {
    }

    @Inject
    EtsyAccounts etsy;

    @Inject
    OrderService orders;

    @Inject
    SyncRunQueries runs;

    @Inject
    OrderSyncConfig config;

    @Inject
    TenantContext tenants;

    @Inject
    ShopSyncLocks locks;

    /** Syncs the current tenant's shop; 409 when another replica or request is syncing it right now. */
    public Outcome sync(String trigger) {
        String tenant = tenants.require();
        EtsyShop shop = QuarkusTransaction.requiringNew().call(EtsyShop::current);
        if (shop == null) {
            throw notConnected(tenant);
        }
        ShopSyncLocks.Held lock = locks.tryLock(shop.id)
                .orElseThrow(() -> ApiProblem.conflict("a sync of shop " + tenant + " is already running"));
        try {
            endAbandonedRuns(tenant);
            long runId = run(tenant, trigger);
            return QuarkusTransaction.requiringNew().call(() -> new Outcome(runs.find(runId).orElseThrow(),
                    orders.count()));
        } finally {
            lock.close();
        }
    }

    /** Tenants (shop ids) with an Etsy connection. */
    public List<String> connectedShops() {
        return locks.connectedShops();
    }

    /** Runs still running while we hold the shop's lock were left by a process that died: they end failed. */
    private void endAbandonedRuns(String tenant) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (SyncRun run : SyncRun.<SyncRun>list("status", SyncRun.RUNNING)) {
                run.status = SyncRun.FAILED;
                run.error = "the process running this sync stopped before it ended; its " + run.pages
                        + " committed pages stay and the next sync resumed from cursor " + run.syncCursor;
                run.finishedAt = now();
                LOG.warnf("tenant %s: sync %d of shop %s was left running by a process that stopped; ended as failed",
                        tenant, run.id, tenant);
            }
        });
    }

    private long run(String tenant, String trigger) {
        SyncRun run = QuarkusTransaction.requiringNew().call(() -> {
            EtsyShop shop = EtsyShop.current();
            if (shop == null) {
                throw notConnected(tenant);
            }
            SyncRun started = new SyncRun();
            started.triggerKind = trigger;
            started.status = SyncRun.RUNNING;
            started.startCursor = SyncCursor.usable(shop.syncCursor);
            started.syncCursor = started.startCursor;
            started.startedAt = now();
            started.persist();
            return started;
        });
        int limit = config.sync().pageSize();
        SyncCursor at = SyncCursor.start(run.startCursor);
        try {
            while (true) {
                if (at.offset() > config.sync().offsetCap()) {
                    throw new EtsyException(400, "more than " + config.sync().offsetCap() + " receipts changed at "
                            + at.minLastModified() + " or carry no time: Etsy cannot page them");
                }
                List<EtsyModels.Receipt> receipts = etsy
                        .receiptsChangedSince(tenant, at.minLastModified(), at.offset(), limit).resultsOrEmpty();
                SyncCursor next = receipts.isEmpty() ? at
                        : at.next(receipts.stream().map(r -> {
                            var modified = ReceiptRules.lastModified(r);
                            return modified.isPresent() ? modified.getAsLong() : null;
                        }).toList(), limit);
                commitPage(tenant, run.id, receipts, next);
                if (receipts.size() < limit) {
                    break;
                }
                at = next;
            }
            finish(run.id, SyncRun.COMPLETED, null);
            return run.id;
        } catch (EtsyException e) {
            LOG.warnf("tenant %s: sync %d of shop %s stopped: %s; the next sync resumes from cursor %s", tenant, run.id,
                    tenant, e.getMessage(), at.minLastModified());
            SyncRun failed = finish(run.id, SyncRun.FAILED, e.getMessage());
            throw new EtsyUnavailable("Etsy sync failed after " + failed.pages + " pages ("
                    + failed.receiptsCreated + " new orders kept): " + e.getMessage()
                    + "; the next sync resumes from there");
        } catch (RuntimeException e) {
            boolean outage = DatabaseProblems.isTransient(e);
            if (outage) {
                LOG.warnf("tenant %s: sync %d of shop %s stopped, the database being unavailable (%s); the next sync"
                        + " resumes from cursor %s", tenant, run.id, tenant, e.getMessage(), at.minLastModified());
            } else {
                LOG.errorf(e, "tenant %s: sync %d of shop %s failed: %s; the next sync resumes from cursor %s", tenant,
                        run.id, tenant, e.getMessage(), at.minLastModified());
            }
            try {
                finish(run.id, SyncRun.FAILED, (outage ? "the database was unavailable ("
                        : "internal error (") + e.getClass().getSimpleName() + "): " + e.getMessage());
            } catch (RuntimeException unrecorded) {
                LOG.errorf(unrecorded, "tenant %s: sync %d could not be ended as failed; the shop's next sync ends it",
                        tenant, run.id);
            }
            if (outage) {
                throw ApiProblem.unavailable("sync " + run.id + " of shop " + tenant + " stopped: the database is"
                        + " unavailable; retry shortly, the next sync resumes from its last committed page", 5);
            }
            throw new ApiProblem(500, ErrorCodes.INTERNAL_ERROR, "sync " + run.id + " of shop " + tenant
                    + " failed on an internal error; the next sync resumes from its last committed page; quote request"
                    + " id " + RequestIds.current() + " when reporting it", Map.of("sync_run", run.id));
        }
    }

    /**
     * Applies a page and moves the shop's cursor in one transaction. A receipt the rules or the database refuse is
     * recorded with its reason instead; when the database refuses the page, its receipts are applied one by one to
     * find which. A failure that is not about a receipt's data (the database is down) stops the run.
     */
    private void commitPage(String tenant, long runId, List<EtsyModels.Receipt> receipts, SyncCursor next) {
        Instant seen = Instant.now();
        Map<Long, String> refused = new LinkedHashMap<>();
        List<EtsyModels.Receipt> storable = new ArrayList<>();
        for (EtsyModels.Receipt receipt : receipts) {
            ReceiptRules.refusal(receipt).ifPresentOrElse(reason -> refused.put(receipt.receiptId(), reason),
                    () -> storable.add(receipt));
        }
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> record(runId, receipts.size(), orders.apply(storable, seen), refused, next));
        } catch (RuntimeException e) {
            if (!refusedData(e)) {
                throw e;
            }
            List<OrderService.Applied> applied = new ArrayList<>();
            for (EtsyModels.Receipt receipt : storable) {
                try {
                    applied.addAll(QuarkusTransaction.requiringNew().call(() -> orders.apply(List.of(receipt), seen)));
                } catch (RuntimeException single) {
                    if (!refusedData(single)) {
                        throw single;
                    }
                    refused.put(receipt.receiptId(), "the database refused it: " + sqlMessage(single));
                }
            }
            QuarkusTransaction.requiringNew().run(() -> record(runId, receipts.size(), applied, refused, next));
        }
        refused.forEach((receiptId, reason) -> LOG.warnf("tenant %s: sync %d of shop %s refused Etsy receipt %d: %s",
                tenant, runId, tenant, receiptId, reason));
    }

    private static void record(long runId, int seen, List<OrderService.Applied> applied, Map<Long, String> refused,
            SyncCursor next) {
        SyncRun run = SyncRun.findById(runId);
        for (OrderService.Applied outcome : applied) {
            switch (outcome) {
                case CREATED -> run.receiptsCreated++;
                case UPDATED -> run.receiptsUpdated++;
                case UNCHANGED -> {
                    // already held as it is: a receipt is one order, forever
                }
            }
        }
        LocalDateTime now = now();
        refused.forEach((receiptId, reason) -> {
            RefusedReceipt refusal = new RefusedReceipt();
            refusal.syncRunId = runId;
            refusal.etsyReceiptId = receiptId;
            refusal.reason = reason;
            refusal.refusedAt = now;
            refusal.persist();
        });
        run.pages++;
        run.receiptsSeen += seen;
        run.receiptsRefused += refused.size();
        run.syncCursor = next.minLastModified();
        EtsyShop shop = EtsyShop.current();
        if (next.minLastModified() != null && (shop.syncCursor == null || next.minLastModified() > shop.syncCursor)) {
            shop.syncCursor = next.minLastModified();
        }
    }

    private static ApiProblem notConnected(String tenant) {
        return ApiProblem.conflict("shop " + tenant + " has no Etsy connection: sign in with Etsy first");
    }

    private static SyncRun finish(long runId, String status, String error) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SyncRun run = SyncRun.findById(runId);
            run.status = status;
            run.error = error;
            run.finishedAt = now();
            if (SyncRun.COMPLETED.equals(status)) {
                EtsyShop.current().lastSyncAt = OffsetDateTime.now(ZoneOffset.UTC);
            }
            return run;
        });
    }

    /** The database refused the data itself (SQLSTATE class 22 data exception, 23 integrity constraint). */
    private static boolean refusedData(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql != null && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"));
    }

    private static String sqlMessage(Throwable failure) {
        SQLException sql = sqlCause(failure);
        String message = sql == null ? String.valueOf(failure.getMessage()) : sql.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
