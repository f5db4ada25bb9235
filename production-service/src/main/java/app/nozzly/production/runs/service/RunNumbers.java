package app.nozzly.production.runs.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.production.runs.ProductionRun;

/**
 * Run numbers YYYYMMDD-NNN per tenant and day (specs/000 "Create Production Run"). Each number is taken in a short
 * transaction of its own, so the tenant's counter row is locked for one statement, not across the run's calls to
 * inventory: concurrent creates get distinct, increasing numbers without queueing behind each other. A create that
 * fails after taking its number leaves that number unused; a day's numbers may have gaps, never twins.
 * Callers take the number before their own transaction touches the database, so a request holds one pooled
 * connection at a time.
 */
@ApplicationScoped
public class RunNumbers {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String next(LocalDate day) {
        String number;
        do {
            Number value = (Number) em.createNativeQuery(
                    "insert into production_run_counter (tenant_id, day, last_value)"
                    + " values (?1, ?2, 1) on conflict (tenant_id, day)"
                    + " do update set last_value = production_run_counter.last_value + 1 returning last_value")
                    .setParameter(1, tenants.require())
                    .setParameter(2, day)
                    .getSingleResult();
            number = day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%03d", value.intValue());
        } while (taken(number));
        return number;
    }

    /** A number a user chose by hand may already hold the next counter value: skip it. */
    public boolean taken(String runNumber) {
        return ProductionRun.count("runNumber", runNumber) > 0;
    }
}
