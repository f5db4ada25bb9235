package app.nozzly.ordersync.sync.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.nozzly.ordersync.auth.EtsyShop;
import app.nozzly.ordersync.common.ApiException;
import app.nozzly.ordersync.config.OrderSyncConfig;
import app.nozzly.ordersync.etsy.service.EtsyAccounts;
import app.nozzly.ordersync.etsy.EtsyException;
import app.nozzly.ordersync.etsy.client.EtsyModels;
import app.nozzly.ordersync.orders.service.OrderService;
import app.nozzly.ordersync.sync.SyncRun;
import app.nozzly.platform.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * specs/002 POST /orders/sync and the scheduled sync: incremental by Etsy's min_last_modified, oldest
 * change first, each page committed with the shop's cursor so a failure resumes where it stopped.
 * Paging restarts at offset 0 from the last page's update time (a new time window), so the offset stays
 * far below Etsy's cap; only receipts sharing one second are paged by offset. One sync per shop at a
 * time across replicas (a Postgres advisory lock on a connection held for the run).
 */
@ApplicationScoped
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class);

    /** Result of one run, for the API. */
    public record Outcome(SyncRun run, long totalOrders) {
    }

    @Inject
    EtsyAccounts etsy;

    @Inject
    OrderService orders;

    @Inject
    OrderSyncConfig config;

    @Inject
    TenantContext tenants;

    @Inject
    AgroalDataSource dataSource;

    /** Syncs the current tenant's shop; 409 when another replica or request is syncing it right now. */
    public Outcome sync(String trigger) {
        String tenant = tenants.require();
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "pg_try_advisory_lock", tenant)) {
                throw new ApiException(409, "a sync of shop " + tenant + " is already running");
            }
            try {
                SyncRun run = run(tenant, trigger);
                return new Outcome(run, QuarkusTransaction.requiringNew().call(orders::count));
            } finally {
                advisory(lock, "pg_advisory_unlock", tenant);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the sync lock of shop " + tenant, e);
        }
    }

    /** Tenants (shop ids) with an Etsy connection. */
    public List<String> connectedShops() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select tenant_id from etsy_shop order by tenant_id");
                ResultSet rs = select.executeQuery()) {
            List<String> shops = new java.util.ArrayList<>();
            while (rs.next()) {
                shops.add(rs.getString(1));
            }
            return shops;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list connected shops", e);
        }
    }

    private SyncRun run(String tenant, String trigger) {
        SyncRun run = QuarkusTransaction.requiringNew().call(() -> {
            EtsyShop shop = EtsyShop.current();
            if (shop == null) {
                throw new ApiException(409, "shop " + tenant + " has no Etsy connection: sign in with Etsy first");
            }
            SyncRun started = new SyncRun();
            started.triggerKind = trigger;
            started.status = SyncRun.RUNNING;
            started.startCursor = shop.syncCursor;
            started.syncCursor = shop.syncCursor;
            started.startedAt = LocalDateTime.now(ZoneOffset.UTC);
            started.persist();
            return started;
        });
        int limit = config.sync().pageSize();
        Long cursor = run.startCursor;
        int offset = 0;
        try {
            while (true) {
                EtsyModels.ReceiptPage page = etsy.receiptsChangedSince(tenant, cursor, offset, limit);
                List<EtsyModels.Receipt> receipts = page.resultsOrEmpty();
                Long previous = cursor;
                if (!receipts.isEmpty()) {
                    long last = receipts.get(receipts.size() - 1).updatedTimestamp();
                    long sameSecond = receipts.stream().filter(r -> r.updatedTimestamp() == last).count();
                    int seenAtCursor = (int) (previous != null && last == previous ? offset + receipts.size()
                            : sameSecond);
                    cursor = last;
                    offset = seenAtCursor >= limit ? seenAtCursor : 0;
                }
                commitPage(run.id, receipts, cursor);
                if (receipts.size() < limit) {
                    break;
                }
                if (offset > config.sync().offsetCap()) {
                    throw new EtsyException(400, "more than " + config.sync().offsetCap()
                            + " receipts share the update second " + cursor + ": Etsy cannot page them");
                }
            }
            return finish(run.id, SyncRun.SUCCEEDED, null);
        } catch (EtsyException e) {
            LOG.warnf("sync %d of shop %s stopped: %s; the next sync resumes from cursor %s", run.id, tenant,
                    e.getMessage(), cursor);
            SyncRun failed = finish(run.id, SyncRun.FAILED, e.getMessage());
            throw new ApiException(502, "Etsy sync failed after " + failed.pages + " pages ("
                    + failed.receiptsCreated + " new orders kept): " + e.getMessage()
                    + "; the next sync resumes from there");
        }
    }

    private void commitPage(long runId, List<EtsyModels.Receipt> receipts, Long cursor) {
        QuarkusTransaction.requiringNew().run(() -> {
            SyncRun run = SyncRun.findById(runId);
            for (OrderService.Applied applied : orders.apply(receipts)) {
                switch (applied) {
                    case CREATED -> run.receiptsCreated++;
                    case UPDATED -> run.receiptsUpdated++;
                    case UNCHANGED -> {
                        // already held as it is: a receipt is one order, forever
                    }
                }
            }
            run.pages++;
            run.receiptsSeen += receipts.size();
            run.syncCursor = cursor;
            EtsyShop shop = EtsyShop.current();
            shop.syncCursor = cursor;
        });
    }

    private SyncRun finish(long runId, String status, String error) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SyncRun run = SyncRun.findById(runId);
            run.status = status;
            run.error = error;
            run.finishedAt = LocalDateTime.now(ZoneOffset.UTC);
            if (SyncRun.SUCCEEDED.equals(status)) {
                EtsyShop.current().lastSyncAt = OffsetDateTime.now(ZoneOffset.UTC);
            }
            return run;
        });
    }

    private static boolean advisory(Connection connection, String function, String tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + function + "(hashtext('ordersync.sync'), hashtext(?))")) {
            statement.setString(1, tenant);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
