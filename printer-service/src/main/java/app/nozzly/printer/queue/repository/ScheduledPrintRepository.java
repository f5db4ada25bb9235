package app.nozzly.printer.queue.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.platform.persistence.Where;
import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.api.Pagination;
import app.nozzly.printer.queue.ScheduledPrint;
import app.nozzly.printer.queue.ScheduledPrintStatus;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Scheduled prints of the tenant in scope, in dispatch order (priority 1 first, then oldest). */
@ApplicationScoped
public class ScheduledPrintRepository implements PanacheRepositoryBase<ScheduledPrint, Long> {

    private static final Sort DISPATCH_ORDER = Sort.by("priority").and("createdAt").and("id");
    private static final List<ScheduledPrintStatus> WAITING = List.of(ScheduledPrintStatus.QUEUED,
            ScheduledPrintStatus.SCHEDULED);

    /** Its statements across tenants run on a connection of the service's system scope (row-level security). */
    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantContext tenants;

    public Optional<ScheduledPrint> byId(long id) {
        return find("id", id).firstResultOptional();
    }

    public List<ScheduledPrint> page(String printerId, ScheduledPrintStatus status, int offset, int limit) {
        Where where = new Where()
                .and("printerId = :printer", "printer", printerId)
                .and("status = :status", "status", status);
        return find(where.clause(), DISPATCH_ORDER, where.parameters()).range(offset, offset + limit - 1).list();
    }

    /** What waits for a printer: prints for it and prints for any printer, in dispatch order. */
    public List<ScheduledPrint> queueOf(String printerId, int offset, Integer limit) {
        return find("(printerId = ?1 or printerId is null) and status = ?2", DISPATCH_ORDER, printerId,
                ScheduledPrintStatus.QUEUED).range(offset, Pagination.lastRow(offset, limit)).list();
    }

    public List<ScheduledPrint> queued() {
        return list("status", DISPATCH_ORDER, ScheduledPrintStatus.QUEUED);
    }

    public long countQueued() {
        return count("status", ScheduledPrintStatus.QUEUED);
    }

    /** Minutes of the prints waiting for or running on a printer at this priority or before it. */
    public long minutesAhead(String printerId, int priority) {
        return list("printerId = ?1 and status in ?2 and priority <= ?3", printerId,
                List.of(ScheduledPrintStatus.QUEUED, ScheduledPrintStatus.STARTED), priority).stream()
                .mapToLong(p -> p.estimatedDurationMinutes == null ? 0 : p.estimatedDurationMinutes).sum();
    }

    /** The newest print of a production plate (chain contract C5). */
    public Optional<ScheduledPrint> latestOf(String externalRef) {
        return find("externalRef", Sort.by("createdAt").descending().and("id", Sort.Direction.Descending), externalRef)
                .firstResultOptional();
    }

    /** The print a printer was sent and has not started a job for yet. */
    public Optional<ScheduledPrint> dispatchedTo(String printerId) {
        return find("dispatchedPrinterId = ?1 and status = ?2 and jobId is null", Sort.by("startedAt"), printerId,
                ScheduledPrintStatus.STARTED).firstResultOptional();
    }

    public boolean awaitsStart(String printerId) {
        return count("dispatchedPrinterId = ?1 and status = ?2 and jobId is null", printerId,
                ScheduledPrintStatus.STARTED) > 0;
    }

    /** Claims a queued print for a printer; false when another dispatcher claimed it first. */
    public boolean claim(long id, String printerId) {
        return update("status = ?1, dispatchedPrinterId = ?2, startedAt = ?3, updatedAt = ?3"
                + " where id = ?4 and status = ?5", ScheduledPrintStatus.STARTED, printerId, Instant.now(), id,
                ScheduledPrintStatus.QUEUED) == 1;
    }

    public void cancelWaitingFor(String printerId) {
        update("status = ?1, updatedAt = ?2 where printerId = ?3 and status in ?4", ScheduledPrintStatus.CANCELLED,
                Instant.now(), printerId, WAITING);
    }

    /** Tenants with prints waiting, across all tenants (the dispatcher acts for each in turn). */
    public List<String> tenantsWithQueuedPrints() {
        List<String> result = new ArrayList<>();
        try (Connection connection = tenants.callAsSystem(dataSource::getConnection);
                PreparedStatement query = connection.prepareStatement(
                        "select distinct tenant_id from scheduled_print where status = ?")) {
            query.setString(1, ScheduledPrintStatus.QUEUED.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the print queues: " + e.getMessage(), e);
        }
        return result;
    }
}
