package app.nozzly.printer.queue.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import app.nozzly.platform.events.InvalidEventException;

import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.queue.ScheduledPrint;
import app.nozzly.printer.queue.events.PlateChanged;

/**
 * specs/002 Print Scheduling: a queue per printer ordered by priority (1 first, then oldest). The dispatcher starts
 * the next queued print on an idle printer whose loaded material matches.
 */
@ApplicationScoped
@Transactional
public class QueueService {

    private static final Logger LOG = Logger.getLogger(QueueService.class);

    private static final Set<String> STATUSES = Set.of(ScheduledPrint.QUEUED, ScheduledPrint.SCHEDULED,
            ScheduledPrint.STARTED, ScheduledPrint.COMPLETED, ScheduledPrint.FAILED, ScheduledPrint.CANCELLED);

    /** POST /bambu/scheduled-prints; external_ref (e.g. "plate:<uuid>") is echoed in the job's events. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(String printerId, String jobName, String fileName, String materialType, Integer materialSlot,
            Integer estimatedDurationMinutes, Integer priority, String externalRef) {
    }

    public ScheduledPrint schedule(Schedule request) {
        if (request == null) {
            throw ApiException.badRequest("request body is required");
        }
        if (request.jobName() == null || request.jobName().isBlank()) {
            throw ApiException.badRequest("job_name is required");
        }
        if (request.fileName() == null || request.fileName().isBlank()) {
            throw ApiException.badRequest("file_name is required");
        }
        if (request.printerId() != null && Printer.findById(request.printerId()) == null) {
            throw ApiException.notFound("printer", request.printerId());
        }
        if (request.materialSlot() != null && (request.materialSlot() < 1 || request.materialSlot() > 16)) {
            throw ApiException.badRequest("material_slot must be between 1 and 16");
        }
        if (request.estimatedDurationMinutes() != null && request.estimatedDurationMinutes() < 0) {
            throw ApiException.badRequest("estimated_duration_minutes must not be negative");
        }
        int priority = request.priority() == null ? 5 : request.priority();
        if (priority < 1 || priority > 10) {
            throw ApiException.badRequest("priority must be between 1 (first) and 10");
        }
        Instant now = Instant.now();
        ScheduledPrint print = new ScheduledPrint();
        print.printerId = request.printerId();
        print.jobName = request.jobName().trim();
        print.fileName = request.fileName().trim();
        print.materialType = request.materialType() == null ? null : request.materialType().toUpperCase(Locale.ROOT);
        print.materialSlot = request.materialSlot();
        print.estimatedDurationMinutes = request.estimatedDurationMinutes();
        print.priority = priority;
        print.externalRef = request.externalRef();
        print.status = ScheduledPrint.QUEUED;
        print.createdAt = now;
        print.updatedAt = now;
        print.scheduledStart = now.plusSeconds(60L * minutesAhead(print.printerId, priority));
        print.persist();
        return print;
    }

    private static long minutesAhead(String printerId, int priority) {
        if (printerId == null) {
            return 0;
        }
        return ScheduledPrint.<ScheduledPrint> list("printerId = ?1 and status in ('queued', 'started') and priority <= ?2",
                printerId, priority).stream()
                .mapToLong(p -> p.estimatedDurationMinutes == null ? 0 : p.estimatedDurationMinutes).sum();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduledPrint> list(String printerId, String status, int limit, int offset) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be one of " + STATUSES);
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (printerId != null) {
            where.append(" and printerId = :printer");
            params.put("printer", printerId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        return ScheduledPrint.<ScheduledPrint> find(where + " order by priority, createdAt, id", params)
                .range(offset, offset + limit - 1).list();
    }

    /** The printer's queue: what waits for it, in dispatch order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduledPrint> queue(String printerId) {
        if (Printer.findById(printerId) == null) {
            throw ApiException.notFound("printer", printerId);
        }
        return ScheduledPrint.list("(printerId = ?1 or printerId is null) and status = ?2 order by priority, createdAt, id",
                printerId, ScheduledPrint.QUEUED);
    }

    public ScheduledPrint updateStatus(long id, String status) {
        ScheduledPrint print = find(id);
        if (status == null || !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be one of " + STATUSES);
        }
        boolean open = ScheduledPrint.QUEUED.equals(print.status) || ScheduledPrint.SCHEDULED.equals(print.status);
        boolean toOpen = ScheduledPrint.QUEUED.equals(status) || ScheduledPrint.SCHEDULED.equals(status);
        if (!open && toOpen || ScheduledPrint.STARTED.equals(status) && !open) {
            throw new ApiException(409, "INVALID_STATE", "scheduled print " + id + " is " + print.status
                    + " and cannot become " + status, Map.of());
        }
        print.status = status;
        print.updatedAt = Instant.now();
        return print;
    }

    public void cancel(long id) {
        ScheduledPrint print = find(id);
        if (!ScheduledPrint.QUEUED.equals(print.status) && !ScheduledPrint.SCHEDULED.equals(print.status)) {
            throw new ApiException(409, "INVALID_STATE", "scheduled print " + id + " is " + print.status
                    + "; cancel the running job instead", Map.of());
        }
        print.status = ScheduledPrint.CANCELLED;
        print.updatedAt = Instant.now();
    }

    /**
     * Chain contract C5: a pending plate assigned to a printer has exactly one open scheduled print in that
     * printer's queue (external_ref production-plate:&lt;plate_id&gt;); moving the plate moves the print, unassigning,
     * cancelling or deleting it cancels the print while it still waits. Prints already sent to a printer stay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void followPlate(PlateChanged plate) {
        if (plate.plateId() == null || plate.plateId().isBlank()) {
            throw new InvalidEventException("production.plate.changed without plate_id");
        }
        String ref = plate.externalRef();
        ScheduledPrint latest = ScheduledPrint.<ScheduledPrint> find(
                "externalRef = ?1 order by createdAt desc, id desc", ref).firstResult();
        boolean waiting = latest != null && (ScheduledPrint.QUEUED.equals(latest.status)
                || ScheduledPrint.SCHEDULED.equals(latest.status));
        boolean removed = "cancelled".equals(plate.change()) || "deleted".equals(plate.change())
                || "cancelled".equals(plate.status());
        boolean wanted = !removed && "pending".equals(plate.status()) && plate.printerId() != null
                && ("created".equals(plate.change()) || "updated".equals(plate.change()));
        if (!wanted) {
            if (waiting && (removed || "pending".equals(plate.status()) && plate.printerId() == null)) {
                latest.status = ScheduledPrint.CANCELLED;
                latest.updatedAt = Instant.now();
                LOG.infof("tenant %s: plate %s %s, scheduled print %d cancelled", latest.tenantId, plate.plateId(),
                        plate.change(), latest.id);
            }
            return;
        }
        if (Printer.findById(plate.printerId()) == null) {
            LOG.warnf("plate %s of run %s is assigned to printer %s, which this tenant has not registered; not queued",
                    plate.plateId(), plate.runNumber(), plate.printerId());
            if (waiting) {
                latest.status = ScheduledPrint.CANCELLED;
                latest.updatedAt = Instant.now();
            }
            return;
        }
        if (latest != null && !waiting && !ScheduledPrint.FAILED.equals(latest.status)
                && !ScheduledPrint.CANCELLED.equals(latest.status)) {
            // already sent to a printer (or printed): the job's events drive the plate from here
            return;
        }
        String jobName = plate.jobNameOrDefault();
        String fileName = plate.fileName() != null && !plate.fileName().isBlank() ? plate.fileName().trim()
                : jobName + ".3mf";
        Integer minutes = plate.estimatedPrintTimeMinutes() == null || plate.estimatedPrintTimeMinutes() < 0 ? null
                : plate.estimatedPrintTimeMinutes();
        if (waiting) {
            boolean moved = !plate.printerId().equals(latest.printerId);
            long ahead = moved ? minutesAhead(plate.printerId(), latest.priority) : 0;
            latest.jobName = jobName;
            latest.fileName = fileName;
            latest.estimatedDurationMinutes = minutes;
            latest.updatedAt = Instant.now();
            if (moved) {
                LOG.infof("tenant %s: scheduled print %d of plate %s moves from printer %s to %s", latest.tenantId,
                        latest.id, plate.plateId(), latest.printerId, plate.printerId());
                latest.printerId = plate.printerId();
                latest.scheduledStart = Instant.now().plusSeconds(60L * ahead);
            }
            return;
        }
        ScheduledPrint print = schedule(
                new Schedule(plate.printerId(), jobName, fileName, null, null, minutes, null, ref));
        LOG.infof("tenant %s: plate %s of run %s queued on printer %s as scheduled print %d", print.tenantId,
                plate.plateId(), plate.runNumber(), plate.printerId(), print.id);
    }

    private static ScheduledPrint find(long id) {
        ScheduledPrint print = ScheduledPrint.findById(id);
        if (print == null) {
            throw ApiException.notFound("scheduled print", id);
        }
        return print;
    }
}
