package app.nozzly.inventory.models.events;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import app.nozzly.inventory.models.Model;
import app.nozzly.inventory.spools.Spool;
import app.nozzly.inventory.spools.events.SpoolEvents;
import app.nozzly.platform.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Announces every model and spool once on inventory.catalog, so that the copies other services keep also hold what
 * existed before models and spools announced their changes (an installation upgraded). Runs at start while
 * catalog_announcement holds its row, one tenant per transaction, and removes the row when every tenant is done. A
 * replica starting at the same moment, or a restart halfway, announces again: the same versions, which consumers
 * ignore (they keep the newest).
 */
@ApplicationScoped
public class CatalogAnnouncement {

    private static final Logger LOG = Logger.getLogger(CatalogAnnouncement.class);

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    ModelEvents models;

    @Inject
    SpoolEvents spools;

    void start(@Observes StartupEvent started) {
        announcePending();
    }

    /** Announces the whole catalog of every tenant if that is still to do; how many tenants it announced. */
    public int announcePending() {
        List<String> tenantIds = tenants.callAsSystem(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<String> ids = new ArrayList<>();
            if (!em.createNativeQuery("select pending from catalog_announcement").getResultList().isEmpty()) {
                for (Object id : em.createNativeQuery("select tenant_id from model union select tenant_id from spool")
                        .getResultList()) {
                    ids.add((String) id);
                }
            }
            return ids;
        }));
        for (String tenant : tenantIds) {
            int announced = tenants.callAs(tenant, () -> QuarkusTransaction.requiringNew().call(() -> {
                List<Model> allModels = Model.listAll();
                List<Spool> allSpools = Spool.listAll();
                allModels.forEach(models::changed);
                allSpools.forEach(spools::changed);
                return allModels.size() + allSpools.size();
            }));
            LOG.infof("tenant %s: announced its %d models and spools on %s", tenant, announced, ModelEvents.TOPIC);
        }
        tenants.callAsSystem(() -> QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("delete from catalog_announcement").executeUpdate()));
        return tenantIds.size();
    }
}
