package app.nozzly.printer.jobs.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import app.nozzly.platform.json.WireEnum;
import app.nozzly.platform.persistence.Where;
import app.nozzly.printer.api.SortDirection;
import app.nozzly.printer.jobs.JobStatus;
import app.nozzly.printer.jobs.PrintJob;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Print jobs of the tenant in scope. */
@ApplicationScoped
public class PrintJobRepository implements PanacheRepositoryBase<PrintJob, Long> {

    public static final List<JobStatus> ACTIVE = List.of(JobStatus.PRINTING, JobStatus.PAUSED);
    /** A job's seconds from start to end, or to {@code :now} while it runs (HQL over PrintJob j). */
    public static final String DURATION = "((coalesce(j.endTime, :now) - j.startTime) by second)";

    /** specs/003 GET /jobs filters; null means any. */
    public record Filter(String printerId, JobStatus status, Boolean isBusiness, LocalDate startDate,
            LocalDate endDate) {

        Where where() {
            return new Where()
                    .and("j.printerId = :printer", "printer", printerId)
                    .and("j.status = :status", "status", status)
                    .and("j.isBusiness = :business", "business", isBusiness)
                    .and("j.createdAt >= :from", "from",
                            startDate == null ? null : startDate.atStartOfDay().toInstant(ZoneOffset.UTC))
                    .and("j.createdAt < :to", "to",
                            endDate == null ? null : endDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }

    /** What specs/003 GET /jobs sorts by (order_by). */
    public enum Order implements WireEnum {
        CREATED_AT("j.createdAt"),
        START_TIME("j.startTime"),
        DURATION(PrintJobRepository.DURATION);

        private final String expression;

        Order(String expression) {
            this.expression = expression;
        }
    }

    /** Totals of one printer's jobs, for specs/003 printer statistics. */
    public record PrinterTotals(long total, long completed, long failed, long printSeconds, double grams) {
    }

    public Optional<PrintJob> byId(long id) {
        return find("id", id).firstResultOptional();
    }

    public List<PrintJob> page(Filter filter, Order order, SortDirection direction, int offset, int limit) {
        Where where = filter.where();
        if (order == Order.DURATION) {
            where.parameter("now", Instant.now());
        }
        return query("select j from PrintJob j where " + where.clause() + " order by " + order.expression + " "
                + direction.value() + " nulls last, j.id " + direction.value(), PrintJob.class, where.parameters())
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(Filter filter) {
        Where where = filter.where();
        return query("select count(j) from PrintJob j where " + where.clause(), Long.class, where.parameters())
                .getSingleResult();
    }

    /** The job a printer is running (the newest printing or paused one). */
    public Optional<PrintJob> open(String printerId) {
        return find("printerId = ?1 and status in ?2 order by id desc", printerId, ACTIVE).firstResultOptional();
    }

    /** The running job of each of these printers, in one query. */
    public Map<String, PrintJob> openOf(Collection<String> printerIds) {
        Map<String, PrintJob> open = new HashMap<>();
        if (!printerIds.isEmpty()) {
            list("printerId in ?1 and status in ?2 order by id", printerIds, ACTIVE)
                    .forEach(job -> open.put(job.printerId, job));
        }
        return open;
    }

    /** Whether a job of the printer for this print of the printer's own (its job id) ended since then. */
    public boolean endedSince(String printerId, String printerJobRef, Instant since) {
        return count("printerId = ?1 and printerJobRef = ?2 and endTime >= ?3", printerId, printerJobRef, since) > 0;
    }

    public Optional<PrintJob> latest(String printerId) {
        return find("printerId = ?1 order by id desc", printerId).firstResultOptional();
    }

    public long countActive() {
        return count("status in ?1", ACTIVE);
    }

    public long countEndedSince(JobStatus status, Instant since) {
        return count("status = ?1 and endTime >= ?2", status, since);
    }

    public long countOnPrinter(String printerId, Collection<JobStatus> statuses) {
        return count("printerId = ?1 and status in ?2", printerId, statuses);
    }

    public PrinterTotals totalsOf(String printerId) {
        Object[] row = query("select count(j), sum(case when j.status = :completed then 1 else 0 end),"
                + " sum(case when j.status = :failed then 1 else 0 end),"
                + " sum(case when j.endTime is not null then " + DURATION + " else 0 end),"
                + " sum(coalesce(j.actualUsage, 0)) from PrintJob j where j.printerId = :printer", Object[].class,
                Map.of("completed", JobStatus.COMPLETED, "failed", JobStatus.FAILED, "printer", printerId, "now",
                        Instant.now()))
                .getSingleResult();
        return new PrinterTotals(number(row[0]).longValue(), number(row[1]).longValue(), number(row[2]).longValue(),
                number(row[3]).longValue(), number(row[4]).doubleValue());
    }

    /** Seconds each printer spent printing since {@code since} (jobs still running count up to now). */
    public Map<String, Long> busySecondsSince(Collection<String> printerIds, Instant since) {
        Map<String, Long> busy = new HashMap<>();
        if (printerIds.isEmpty()) {
            return busy;
        }
        for (Object[] row : query("select j.printerId, sum(" + DURATION + ") from PrintJob j"
                + " where j.printerId in :printers and j.startTime > :since group by j.printerId", Object[].class,
                Map.of("printers", printerIds, "since", since, "now", Instant.now()))
                .getResultList()) {
            busy.put((String) row[0], number(row[1]).longValue());
        }
        return busy;
    }

    /** Jobs of a printer that printed a file of this name, newest first. */
    public List<PrintJob> ofFile(String printerId, String fileName) {
        return list("printerId = ?1 and (fileName = ?2 or fileName like ?3) order by id desc", printerId, fileName,
                "%/" + fileName.replace("%", "\\%").replace("_", "\\_"));
    }

    private <T> TypedQuery<T> query(String hql, Class<T> type, Map<String, ?> parameters) {
        TypedQuery<T> query = getEntityManager().createQuery(hql, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    private static Number number(Object value) {
        return value == null ? 0 : (Number) value;
    }
}
