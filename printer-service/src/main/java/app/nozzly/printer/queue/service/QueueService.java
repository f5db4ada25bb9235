package app.nozzly.printer.queue.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.events.InvalidEventException;
import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.printers.repository.PrinterRepository;
import app.nozzly.printer.queue.ScheduledPrint;
import app.nozzly.printer.queue.ScheduledPrintStatus;
import app.nozzly.printer.queue.api.ScheduledPrintApi.Schedule;
import app.nozzly.printer.queue.events.PlateChanged;
import app.nozzly.printer.queue.repository.ScheduledPrintRepository;

/**
 * specs/002 Print Scheduling: a queue per printer ordered by priority (1 first, then oldest). The dispatcher starts
 * the next queued print on an idle printer whose loaded material matches.
 */
@ApplicationScoped
@Transactional
public class QueueService {

    private static final Logger LOG = Logger.getLogger(QueueService.class);

    @Inject
    ScheduledPrintRepository prints;

    @Inject
    PrinterRepository printers;

    @Inject
    TenantContext tenants;

    public ScheduledPrint schedule(Schedule request) {
        if (request.printerId() != null && printers.byId(request.printerId()).isEmpty()) {
            throw ApiProblem.notFound("printer", request.printerId());
        }
        int priority = request.priority() == null ? 5 : request.priority();
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
        print.status = ScheduledPrintStatus.QUEUED;
        print.createdAt = now;
        print.updatedAt = now;
        print.scheduledStart = now.plusSeconds(60L * (print.printerId == null ? 0
                : prints.minutesAhead(print.printerId, priority)));
        prints.persist(print);
        return print;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduledPrint> page(String printerId, ScheduledPrintStatus status, int offset, int limit) {
        return prints.page(printerId, status, offset, limit);
    }

    /** The printer's queue: what waits for it, in dispatch order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduledPrint> queue(String printerId, int offset, Integer limit) {
        if (printers.byId(printerId).isEmpty()) {
            throw ApiProblem.notFound("printer", printerId);
        }
        return prints.queueOf(printerId, offset, limit);
    }

    public ScheduledPrint updateStatus(long id, ScheduledPrintStatus status) {
        ScheduledPrint print = find(id);
        boolean open = print.status.isWaiting();
        if (!open && status.isWaiting() || status == ScheduledPrintStatus.STARTED && !open) {
            throw new ApiException(409, "INVALID_STATE", "scheduled print " + id + " is " + print.status.value()
                    + " and cannot become " + status.value(), Map.of());
        }
        print.status = status;
        print.updatedAt = Instant.now();
        return print;
    }

    public void cancel(long id) {
        ScheduledPrint print = find(id);
        if (!print.status.isWaiting()) {
            throw new ApiException(409, "INVALID_STATE", "scheduled print " + id + " is " + print.status.value()
                    + "; cancel the running job instead", Map.of());
        }
        print.status = ScheduledPrintStatus.CANCELLED;
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
        ScheduledPrint latest = prints.latestOf(plate.externalRef()).orElse(null);
        boolean waiting = latest != null && latest.status.isWaiting();
        boolean removed = "cancelled".equals(plate.change()) || "deleted".equals(plate.change())
                || "cancelled".equals(plate.status());
        boolean wanted = !removed && "pending".equals(plate.status()) && plate.printerId() != null
                && ("created".equals(plate.change()) || "updated".equals(plate.change()));
        if (!wanted) {
            if (waiting && (removed || "pending".equals(plate.status()) && plate.printerId() == null)) {
                latest.status = ScheduledPrintStatus.CANCELLED;
                latest.updatedAt = Instant.now();
                LOG.infof("tenant %s: plate %s %s, scheduled print %d cancelled", latest.tenantId, plate.plateId(),
                        plate.change(), latest.id);
            }
            return;
        }
        if (printers.byId(plate.printerId()).isEmpty()) {
            LOG.warnf("plate %s of run %s is assigned to printer %s, which this tenant has not registered; not queued",
                    plate.plateId(), plate.runNumber(), plate.printerId());
            if (waiting) {
                latest.status = ScheduledPrintStatus.CANCELLED;
                latest.updatedAt = Instant.now();
            }
            return;
        }
        if (latest != null && !waiting && latest.status != ScheduledPrintStatus.FAILED
                && latest.status != ScheduledPrintStatus.CANCELLED) {
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
            long ahead = moved ? prints.minutesAhead(plate.printerId(), latest.priority) : 0;
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
                new Schedule(plate.printerId(), jobName, fileName, null, null, minutes, null, plate.externalRef()));
        LOG.infof("tenant %s: plate %s of run %s queued on printer %s as scheduled print %d", tenants.require(),
                plate.plateId(), plate.runNumber(), plate.printerId(), print.id);
    }

    private ScheduledPrint find(long id) {
        return prints.byId(id).orElseThrow(() -> ApiProblem.notFound("scheduled print", id));
    }
}
