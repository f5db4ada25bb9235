package app.nozzly.production.process.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.nozzly.platform.tenancy.TenantContext;

/** Gap-tolerant per-tenant counters (lot numbers, PO numbers): one atomic upsert, safe across replicas. */
@ApplicationScoped
public class Sequences {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Transactional(Transactional.TxType.MANDATORY)
    public long next(String name) {
        Object value = em.createNativeQuery("insert into process_sequence (tenant_id, name, value) values (?1, ?2, 1)"
                + " on conflict (tenant_id, name) do update set value = process_sequence.value + 1 returning value")
                .setParameter(1, tenants.require())
                .setParameter(2, name)
                .getSingleResult();
        return ((Number) value).longValue();
    }
}
