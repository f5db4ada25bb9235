package app.nozzly.production.runs.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.production.support.Jdbc;
import app.nozzly.production.support.Sequences;

/**
 * Run numbers YYYYMMDD-NNN per tenant and day (specs/000 "Create Production Run": "Auto-generated as YYYYMMDD-NNN
 * if not provided"), counted by the tenant's sequence run-YYYYMMDD. A number a user chose by hand may already hold
 * the next counter value: it is skipped.
 */
@ApplicationScoped
public class RunNumbers {

    @Inject
    Sequences sequences;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    public String next(LocalDate day) {
        String number;
        do {
            number = day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                    + String.format("%03d", sequences.next(sequence(day)));
        } while (taken(number));
        return number;
    }

    /**
     * Whether the tenant has a run of this number, asked in plain JDBC: every run created asks it, and through
     * Hibernate's count the question cost 5 % of production-service's CPU under the run lifecycle benchmark (JFR).
     * Nothing is flushed first, so it is asked before the new run is stored.
     */
    public boolean taken(String runNumber) {
        String tenant = tenants.require();
        return em.unwrap(Session.class).doReturningWork(connection -> !Jdbc.rows(connection,
                "select 1 from production_run where tenant_id = ? and run_number = ? limit 1", statement -> {
                    statement.setString(1, tenant);
                    statement.setString(2, runNumber);
                }, rs -> Boolean.TRUE).isEmpty());
    }

    /** The sequence counting the run numbers of a day. */
    public static String sequence(LocalDate day) {
        return "run-" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
