package app.nozzly.production.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.nozzly.platform.tenancy.TenantContext;

/**
 * The one numbering of production-service: per-tenant counters by name (run numbers per day, lot numbers per day,
 * production order numbers per year) in table production_sequence. Each number is taken in a short transaction of
 * its own, so a counter row is locked for one statement, never across a caller's calls to other services; callers
 * take their number before their own transaction touches the database, so a request holds one pooled connection at
 * a time. A create that fails after taking its number leaves that number unused: gaps, never twins, never reuse.
 */
@ApplicationScoped
public class Sequences {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long next(String name) {
        Object value = em.createNativeQuery("insert into production_sequence (tenant_id, name, value)"
                + " values (?1, ?2, 1) on conflict (tenant_id, name)"
                + " do update set value = production_sequence.value + 1 returning value")
                .setParameter(1, tenants.require())
                .setParameter(2, name)
                .getSingleResult();
        return ((Number) value).longValue();
    }
}
