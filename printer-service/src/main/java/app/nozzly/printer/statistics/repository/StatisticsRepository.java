package app.nozzly.printer.statistics.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import app.nozzly.printer.jobs.JobStatus;
import app.nozzly.printer.jobs.repository.PrintJobRepository;

/**
 * specs/003 statistics as SQL aggregates over the tenant's jobs that started in a period (Hibernate's tenant filter
 * applies to these HQL queries); nothing is summed in memory.
 */
@ApplicationScoped
public class StatisticsRepository {

    private static final String JOBS = " from PrintJob j where j.startTime >= :from and j.startTime <= :to"
            + " and (:printer is null or j.printerId = :printer)";

    @Inject
    EntityManager entityManager;

    /** Counts, print seconds, grams and costs of the jobs started in [from, to], of one printer or all. */
    public record JobTotals(long total, long completed, long failed, long cancelled, long printSeconds,
            double grams, double materialCost, long business, double businessCost) {
    }

    /** Grams and jobs of one material (brand, type and colour as the printer or tray named them). */
    public record MaterialUse(String brand, String type, String color, double grams, long jobs) {
    }

    /** Operators' quality grades of the jobs: how many rated, good first layers, surface (2..5) and accuracy means. */
    public record Quality(long rated, long goodFirstLayers, Double surfaceScore, Double dimensionalAccuracy) {
    }

    public Quality quality(Instant from, Instant to, String printerId) {
        Object[] row = query("select count(j.firstLayerAdhesion),"
                + " sum(case when j.firstLayerAdhesion in ('good', 'excellent') then 1 else 0 end),"
                + " avg(case j.surfaceFinish when 'poor' then 2.0 when 'fair' then 3.0 when 'good' then 4.0"
                + " when 'excellent' then 5.0 end), avg(j.dimensionalAccuracy)" + JOBS, Object[].class, from, to,
                printerId).getSingleResult();
        return new Quality(whole(row[0]), whole(row[1]), row[2] == null ? null : decimal(row[2]),
                row[3] == null ? null : decimal(row[3]));
    }

    public JobTotals jobTotals(Instant from, Instant to, String printerId) {
        Object[] row = query("select count(j),"
                + " sum(case when j.status = :completed then 1 else 0 end),"
                + " sum(case when j.status = :failed then 1 else 0 end),"
                + " sum(case when j.status = :cancelled then 1 else 0 end),"
                + " sum(" + PrintJobRepository.DURATION + "),"
                + " sum(coalesce(j.actualUsage, 0)),"
                + " sum(coalesce(j.materialCost, 0)),"
                + " sum(case when j.isBusiness = true then 1 else 0 end),"
                + " sum(case when j.isBusiness = true then coalesce(j.materialCost, 0) + coalesce(j.powerCost, 0)"
                + " + coalesce(j.laborCost, 0) else 0 end)" + JOBS, Object[].class, from, to, printerId)
                .setParameter("completed", JobStatus.COMPLETED).setParameter("failed", JobStatus.FAILED)
                .setParameter("cancelled", JobStatus.CANCELLED).setParameter("now", Instant.now())
                .getSingleResult();
        return new JobTotals(whole(row[0]), whole(row[1]), whole(row[2]), whole(row[3]), whole(row[4]),
                decimal(row[5]), decimal(row[6]), whole(row[7]), decimal(row[8]));
    }

    /** Materials by grams used, most first. */
    public List<MaterialUse> materials(Instant from, Instant to, String printerId) {
        return query("select j.materialBrand, j.materialType, j.materialColor, sum(j.actualUsage), count(j)" + JOBS
                + " and j.actualUsage is not null and j.materialType is not null"
                + " group by j.materialBrand, j.materialType, j.materialColor order by sum(j.actualUsage) desc",
                Object[].class, from, to, printerId).getResultList().stream()
                .map(row -> new MaterialUse((String) row[0], (String) row[1], (String) row[2], decimal(row[3]),
                        whole(row[4])))
                .toList();
    }

    private <T> TypedQuery<T> query(String hql, Class<T> type, Instant from, Instant to, String printerId) {
        return entityManager.createQuery(hql, type).setParameter("from", from).setParameter("to", to)
                .setParameter("printer", printerId);
    }

    private static long whole(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double decimal(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
