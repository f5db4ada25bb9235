package app.nozzly.printer.jobs.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.api.Pagination;
import app.nozzly.printer.api.SortDirection;
import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.driver.CommandRefusedException;
import app.nozzly.printer.driver.PrinterCommandException;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.files.PrinterFile;
import app.nozzly.printer.files.repository.PrinterFileRepository;
import app.nozzly.printer.jobs.JobStatus;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.jobs.api.JobApi.Job;
import app.nozzly.printer.jobs.api.JobApi.Page;
import app.nozzly.printer.jobs.api.JobApi.QualityMetrics;
import app.nozzly.printer.jobs.api.JobApi.StartJob;
import app.nozzly.printer.jobs.api.JobApi.Summary;
import app.nozzly.printer.jobs.api.JobApi.UpdateJob;
import app.nozzly.printer.jobs.mapping.JobMapper;
import app.nozzly.printer.jobs.repository.PrintJobRepository;
import app.nozzly.printer.jobs.repository.PrintJobRepository.Filter;
import app.nozzly.printer.jobs.repository.PrintJobRepository.Order;
import app.nozzly.printer.live.ConnectionManager;
import app.nozzly.printer.live.PrinterConnection;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.repository.PrinterRepository;
import app.nozzly.printer.queue.repository.ScheduledPrintRepository;

/** specs/003 Job Monitoring: list with filters, sort, paging and summary; detail; cancel; business updates. */
@ApplicationScoped
@Transactional
public class JobService {

    /** specs/003 shows quality as words; these are the ones we accept. */

    @Inject
    ConnectionManager connections;

    @Inject
    TenantContext tenants;

    @Inject
    JobTracker tracker;

    @Inject
    PrinterConfig config;

    @Inject
    PrintJobRepository jobs;

    @Inject
    PrinterRepository printers;

    @Inject
    PrinterFileRepository files;

    @Inject
    ScheduledPrintRepository scheduled;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(Filter filter, Order order, SortDirection direction, int page, int limit) {
        if (filter.startDate() != null && filter.endDate() != null && filter.startDate().isAfter(filter.endDate())) {
            throw ApiProblem.badRequest("start_date must not be after end_date");
        }
        List<PrintJob> found = jobs.page(filter, order, direction, Pagination.offset(page, limit), limit);
        Map<Long, PrinterFile> printed = files.printedBy(found);
        Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        Summary summary = new Summary(jobs.countActive(), scheduled.countQueued(),
                jobs.countEndedSince(JobStatus.COMPLETED, today), jobs.countEndedSince(JobStatus.FAILED, today));
        return new Page(found.stream().map(j -> toApi(j, printed.get(j.id))).toList(),
                Pagination.of(page, limit, jobs.count(filter)), summary);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Job get(long id) {
        PrintJob job = find(id);
        return toApi(job, files.printedBy(List.of(job)).get(job.id));
    }

    private Job toApi(PrintJob job, PrinterFile file) {
        return JobMapper.toApi(job, file, JobCosts.total(job.materialCost, job.powerCost, job.laborCost));
    }

    private PrintJob find(long id) {
        return jobs.byId(id).orElseThrow(() -> new ApiException(404, "JOB_NOT_FOUND", "job " + id + " not found",
                Map.of("job_id", id)));
    }

    /**
     * Starts printing a file that lies on the printer (an extension of specs/003, which names no start): the
     * printer must be connected and idle; the job appears when the printer reports the print.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PrinterFile start(StartJob request) {
        Printer printer = printers.byId(request.printerId()).orElseThrow(() -> new ApiException(404,
                "PRINTER_NOT_FOUND", "printer " + request.printerId() + " not found",
                Map.of("printer_id", request.printerId())));
        PrinterFile file = files.byId(request.fileId()).orElseThrow(() -> new ApiException(404, "FILE_NOT_FOUND",
                "file " + request.fileId() + " not found", Map.of("file_id", request.fileId())));
        if (!printer.id.equals(file.printerId) || file.printerPath == null) {
            throw ApiException.validation("file " + file.id + " is not on printer " + printer.id
                    + "; send it there first (its upload_url)");
        }
        PrinterConnection connection = connections.connection(tenants.require(), printer.id)
                .filter(c -> c.driver().isPresent()).orElseThrow(() -> offline(printer.id, printer));
        PrinterState state = connection.snapshot() == null ? PrinterState.OFFLINE : connection.snapshot().state();
        if (!state.acceptsPrint()) {
            throw new ApiException(409, "PRINTER_BUSY", "printer " + printer.id + " is " + state.apiStatus()
                    + " and cannot start " + file.filename, Map.of("printer_id", printer.id));
        }
        try {
            connection.driver().orElseThrow(() -> offline(printer.id, printer)).startPrint(file.printerPath, null);
        } catch (CommandRefusedException e) {
            throw readOnly(printer.id, e);
        } catch (PrinterCommandException e) {
            throw new ApiException(502, "PRINTER_COMMUNICATION_ERROR", "printer " + printer.id
                    + " did not start " + file.filename + ": " + e.getMessage(), Map.of("printer_id", printer.id));
        }
        return file;
    }

    /**
     * Stops the real print through the printer's driver, then records the job as cancelled, under the printer's
     * row lock like every report: a report of the stopped printer that ended the job first is not ended again.
     */
    public PrintJob cancel(long id) {
        PrintJob job = find(id);
        require(job, job.isActive(), "JOB_NOT_ACTIVE", "cancelled");
        command(job, printers.byId(job.printerId).orElse(null), "stop", PrinterDriver::stop);
        Printer printer = printers.lockedById(job.printerId).orElse(null);
        jobs.getEntityManager().refresh(job);
        if (job.isActive()) {
            tracker.cancelled(printer, job);
        }
        return job;
    }

    /**
     * Pauses a printing job on the printer (an extension of specs/003, which names no pause). The job shows
     * "paused" once the printer reports it, so what users see is always what the printer does.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PrintJob pause(long id) {
        return tell(id, JobStatus.PRINTING, "JOB_NOT_PRINTING", "paused", "pause", PrinterDriver::pause);
    }

    /** Resumes a paused job on the printer (extension of specs/003, like pause). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PrintJob resume(long id) {
        return tell(id, JobStatus.PAUSED, "JOB_NOT_PAUSED", "resumed", "resume", PrinterDriver::resume);
    }

    /** Tells the printer of a job in state {@code from} the command; the job changes when the printer reports. */
    private PrintJob tell(long id, JobStatus from, String code, String action, String name,
            Consumer<PrinterDriver> command) {
        PrintJob job = find(id);
        require(job, job.status == from, code, action);
        command(job, printers.byId(job.printerId).orElse(null), name, command);
        return job;
    }

    /** 409 {@code code} unless the job is in a state that can be {@code action}. */
    private static void require(PrintJob job, boolean allowed, String code, String action) {
        if (!allowed) {
            throw new ApiException(409, code, "job " + job.id + " is " + job.status.value() + " and cannot be "
                    + action, Map.of("job_id", job.id, "status", job.status.value()));
        }
    }

    /** Sends a command to the job's printer: 503 when it is offline, 409 when it is read-only, 502 when it fails. */
    private void command(PrintJob job, Printer printer, String name, Consumer<PrinterDriver> action) {
        PrinterDriver driver = driverOf(job, printer);
        try {
            action.accept(driver);
        } catch (CommandRefusedException e) {
            throw readOnly(job.printerId, e);
        } catch (PrinterCommandException e) {
            throw new ApiException(502, "PRINTER_COMMUNICATION_ERROR", "printer " + job.printerId
                    + " did not accept the " + name + " command: " + e.getMessage(),
                    Map.of("printer_id", job.printerId));
        }
    }

    /**
     * 409: the printer reports but takes no commands from us (Bambu Authorization Control without Developer Mode);
     * it changed nothing.
     */
    private static ApiException readOnly(String printerId, CommandRefusedException e) {
        return new ApiException(409, "PRINTER_READ_ONLY", "printer " + printerId + " refused the " + e.command()
                + " command: " + e.reason() + " (err_code " + e.errorCode() + "); it takes commands from Nozzly only"
                + " in LAN-only Developer Mode", Map.of("printer_id", printerId, "reason", e.reason(), "err_code",
                        e.errorCode()));
    }

    private PrinterDriver driverOf(PrintJob job, Printer printer) {
        return connections.connection(tenants.require(), job.printerId).flatMap(PrinterConnection::driver)
                .orElseThrow(() -> offline(job.printerId, printer));
    }

    private static ApiException offline(String printerId, Printer printer) {
        Map<String, Object> details = new HashMap<>();
        details.put("printer_id", printerId);
        if (printer != null && printer.lastSeen != null) {
            details.put("last_seen", printer.lastSeen);
        }
        return new ApiException(503, "PRINTER_OFFLINE", "printer " + printerId + " is currently offline", details);
    }

    public PrintJob update(long id, UpdateJob request) {
        PrintJob job = find(id);
        QualityMetrics quality = request.qualityMetrics();
        if (quality != null) {
            job.firstLayerAdhesion = quality.firstLayerAdhesion() != null ? quality.firstLayerAdhesion()
                    : job.firstLayerAdhesion;
            job.surfaceFinish = quality.surfaceFinish() != null ? quality.surfaceFinish() : job.surfaceFinish;
            job.dimensionalAccuracy = quality.dimensionalAccuracy() != null ? quality.dimensionalAccuracy()
                    : job.dimensionalAccuracy;
        }
        if (request.isBusiness() != null) {
            job.isBusiness = request.isBusiness();
        }
        if (request.customerInfo() != null) {
            job.customerOrderId = request.customerInfo().orderId();
            job.customerName = request.customerInfo().customerName();
        }
        if (request.estimatedUsage() != null) {
            job.estimatedUsage = request.estimatedUsage();
        }
        if (request.costPerGram() != null) {
            job.costPerGram = request.costPerGram();
            JobCosts.apply(job, config.costs(), Instant.now());
        }
        if (request.materialCost() != null) {
            job.materialCost = request.materialCost();
        }
        if (request.powerCost() != null) {
            job.powerCost = request.powerCost();
        }
        if (request.laborCost() != null) {
            job.laborCost = request.laborCost();
        }
        if (request.notes() != null) {
            job.notes = request.notes();
        }
        job.updatedAt = Instant.now();
        return job;
    }
}
