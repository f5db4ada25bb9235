package app.nozzly.ordersync.analytics.repository;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The dashboard's read model of other services' facts, one row per tenant and id those services gave (two tenants
 * may send the same job or item id): upserts in the consuming transaction, so a redelivery changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModel {

    @Inject
    EntityManager em;

    /** A print job that finished or failed, with the filament it used. */
    public void printJob(String tenant, String jobId, String printerId, String outcome, BigDecimal filamentGrams) {
        em.createNativeQuery("insert into print_job_fact (tenant_id, job_id, printer_id, status,"
                + " filament_used_grams, updated_at) values (?1, ?2, ?3, ?4, ?5, now())"
                + " on conflict (tenant_id, job_id) do update set status = excluded.status,"
                + " filament_used_grams = excluded.filament_used_grams, updated_at = now()")
                .setParameter(1, tenant)
                .setParameter(2, jobId)
                .setParameter(3, printerId)
                .setParameter(4, outcome)
                .setParameter(5, filamentGrams)
                .executeUpdate();
    }

    /** A stock item's balance after a movement; a balance back above its threshold ends its low-stock alert. */
    public void stockMoved(String tenant, String itemType, String itemId, BigDecimal balance, String unit) {
        em.createNativeQuery("insert into stock_item_state (tenant_id, item_type, item_id, balance, unit,"
                + " low, updated_at) values (?1, ?2, ?3, ?4, ?5, false, now())"
                + " on conflict (tenant_id, item_type, item_id) do update set balance = excluded.balance,"
                + " unit = coalesce(excluded.unit, stock_item_state.unit), updated_at = now(),"
                + " low = stock_item_state.low and stock_item_state.low_threshold is not null"
                + " and excluded.balance <= stock_item_state.low_threshold")
                .setParameter(1, tenant)
                .setParameter(2, itemType)
                .setParameter(3, itemId)
                .setParameter(4, balance)
                .setParameter(5, unit)
                .executeUpdate();
    }

    /** A stock item fell to or below its threshold. */
    public void stockLow(String tenant, String itemType, String itemId, BigDecimal balance, BigDecimal threshold) {
        em.createNativeQuery("insert into stock_item_state (tenant_id, item_type, item_id, balance,"
                + " low_threshold, low, updated_at) values (?1, ?2, ?3, ?4, ?5, true, now())"
                + " on conflict (tenant_id, item_type, item_id) do update set low = true,"
                + " low_threshold = excluded.low_threshold, balance = excluded.balance, updated_at = now()")
                .setParameter(1, tenant)
                .setParameter(2, itemType)
                .setParameter(3, itemId)
                .setParameter(4, balance)
                .setParameter(5, threshold)
                .executeUpdate();
    }
}
