package app.nozzly.ordersync.sync.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.tenancy.TenantContext;
import io.quarkus.scheduler.Scheduled;

/** The periodic sync of every connected shop; a shop another replica is syncing is skipped this round. */
@ApplicationScoped
public class ScheduledSync {

    private static final Logger LOG = Logger.getLogger(ScheduledSync.class);

    @Inject
    SyncService sync;

    @Inject
    TenantContext tenants;

    @Scheduled(every = "${ordersync.sync.every}", delayed = "${ordersync.sync.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void syncAllShops() {
        for (String shop : sync.connectedShops()) {
            try {
                tenants.runAs(shop, () -> {
                    SyncService.Outcome outcome = sync.sync("scheduled");
                    LOG.infof("scheduled sync %d of shop %s: %d new, %d updated orders, %d receipts refused",
                            outcome.run().id(), shop, outcome.run().receiptsCreated(), outcome.run().receiptsUpdated(),
                            outcome.run().receiptsRefused());
                });
            } catch (ApiProblem e) {
                // a sync already running (409) skips the round; a failed sync (502, 500) has logged why itself
                LOG.infof("scheduled sync of shop %s skipped: %s", shop, e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "scheduled sync of shop %s failed: %s", shop, e.getMessage());
            }
        }
    }
}
