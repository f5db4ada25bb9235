package app.nozzly.printer.jobs.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.driver.PrinterCommandException;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.events.JobEventPayload.TrayUsage;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.jobs.api.JobApi.Costs;
import app.nozzly.printer.jobs.api.JobApi.CustomerInfo;
import app.nozzly.printer.jobs.api.JobApi.FileInfo;
import app.nozzly.printer.jobs.api.JobApi.Job;
import app.nozzly.printer.jobs.api.JobApi.MaterialInfo;
import app.nozzly.printer.jobs.api.JobApi.Page;
import app.nozzly.printer.jobs.api.JobApi.Summary;
import app.nozzly.printer.jobs.api.JobApi.UpdateJob;
import app.nozzly.printer.live.ConnectionManager;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.api.PrinterApi.Pagination;
import app.nozzly.printer.queue.ScheduledPrint;

/** specs/003 Job Monitoring: list with filters, sort, paging and summary; detail; cancel; business updates. */
@ApplicationScoped
@Transactional
public class JobService {

    private static final Set<String> STATUSES = Set.of("queued", PrintJob.PRINTING, PrintJob.PAUSED,
            PrintJob.COMPLETED, PrintJob.FAILED, PrintJob.CANCELLED);
    private static final Map<String, String> ORDER = Map.of("created_at", "createdAt", "start_time", "startTime",
            "duration", "coalesce(endTime, current_timestamp) - startTime");

    @Inject
    ConnectionManager connections;

    @Inject
    TenantContext tenants;

    @Inject
    JobTracker tracker;

    @Inject
    ObjectMapper json;

    @Inject
    PrinterConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(String printerId, String status, Boolean isBusiness, String startDate, String endDate,
            Integer page, Integer limit, String orderBy, String orderDir) {
        int p = page == null ? 1 : page;
        int l = limit == null ? 50 : limit;
        if (p < 1 || l < 1 || l > 100) {
            throw ApiException.badRequest("page must be >= 1 and limit between 1 and 100");
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be one of " + STATUSES);
        }
        String sortField = ORDER.get(orderBy == null ? "created_at" : orderBy);
        if (sortField == null) {
            throw ApiException.badRequest("order_by must be created_at, start_time or duration");
        }
        String dir = orderDir == null ? "desc" : orderDir.toLowerCase(java.util.Locale.ROOT);
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw ApiException.badRequest("order_dir must be asc or desc");
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
        if (isBusiness != null) {
            where.append(" and isBusiness = :business");
            params.put("business", isBusiness);
        }
        if (startDate != null) {
            where.append(" and createdAt >= :from");
            params.put("from", date(startDate, "start_date", false));
        }
        if (endDate != null) {
            where.append(" and createdAt <= :to");
            params.put("to", date(endDate, "end_date", true));
        }
        long total = PrintJob.count(where.toString(), params);
        List<PrintJob> jobs = PrintJob.<PrintJob> find(where + " order by " + sortField + " " + dir + ", id " + dir, params)
                .page(p - 1, l).list();
        Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        Summary summary = new Summary(PrintJob.count("status in ('printing', 'paused')"),
                ScheduledPrint.count("status", ScheduledPrint.QUEUED),
                PrintJob.count("status = ?1 and endTime >= ?2", PrintJob.COMPLETED, today),
                PrintJob.count("status = ?1 and endTime >= ?2", PrintJob.FAILED, today));
        return new Page(jobs.stream().map(this::toApi).toList(), Pagination.of(p, l, total), summary);
    }

    static Instant date(String value, String field, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC)
                        .minusNanos(endOfDay ? 1 : 0);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be an ISO date (2025-09-03) or date-time: " + value);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Job get(long id) {
        return toApi(find(id));
    }

    private static PrintJob find(long id) {
        PrintJob job = PrintJob.findById(id);
        if (job == null) {
            throw new ApiException(404, "JOB_NOT_FOUND", "job " + id + " not found", Map.of("job_id", id));
        }
        return job;
    }

    /** Stops the real print through the printer's driver, then records the job as cancelled. */
    public PrintJob cancel(long id) {
        PrintJob job = find(id);
        if (!job.isActive()) {
            throw new ApiException(409, "JOB_NOT_ACTIVE", "job " + id + " is " + job.status + " and cannot be cancelled",
                    Map.of("job_id", id, "status", job.status));
        }
        Printer printer = Printer.findById(job.printerId);
        PrinterDriver driver = driverOf(job, printer);
        try {
            driver.stop();
        } catch (PrinterCommandException e) {
            throw new ApiException(502, "PRINTER_COMMUNICATION_ERROR", "printer " + job.printerId
                    + " did not accept the stop command: " + e.getMessage(), Map.of("printer_id", job.printerId));
        }
        tracker.cancelled(printer, job);
        return job;
    }

    /**
     * Pauses a printing job on the printer (an extension of specs/003, which names no pause). The job shows
     * "paused" once the printer reports it, so what users see is always what the printer does.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PrintJob pause(long id) {
        PrintJob job = find(id);
        if (!PrintJob.PRINTING.equals(job.status)) {
            throw new ApiException(409, "JOB_NOT_PRINTING", "job " + id + " is " + job.status + " and cannot be paused",
                    Map.of("job_id", id, "status", job.status));
        }
        command(job, "pause", PrinterDriver::pause);
        return job;
    }

    /** Resumes a paused job on the printer (extension of specs/003, like pause). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PrintJob resume(long id) {
        PrintJob job = find(id);
        if (!PrintJob.PAUSED.equals(job.status)) {
            throw new ApiException(409, "JOB_NOT_PAUSED", "job " + id + " is " + job.status + " and cannot be resumed",
                    Map.of("job_id", id, "status", job.status));
        }
        command(job, "resume", PrinterDriver::resume);
        return job;
    }

    private void command(PrintJob job, String name, Consumer<PrinterDriver> action) {
        PrinterDriver driver = driverOf(job, Printer.findById(job.printerId));
        try {
            action.accept(driver);
        } catch (PrinterCommandException e) {
            throw new ApiException(502, "PRINTER_COMMUNICATION_ERROR", "printer " + job.printerId
                    + " did not accept the " + name + " command: " + e.getMessage(),
                    Map.of("printer_id", job.printerId));
        }
    }

    private PrinterDriver driverOf(PrintJob job, Printer printer) {
        return connections.connection(tenants.require(), job.printerId)
                .flatMap(c -> c.driver())
                .orElseThrow(() -> {
                    Map<String, Object> details = new HashMap<>();
                    details.put("printer_id", job.printerId);
                    details.put("last_seen", printer == null ? null : printer.lastSeen);
                    return new ApiException(503, "PRINTER_OFFLINE", "printer " + job.printerId + " is currently offline",
                            details);
                });
    }

    public PrintJob update(long id, UpdateJob request) {
        if (request == null) {
            throw ApiException.badRequest("request body is required");
        }
        PrintJob job = find(id);
        for (Double value : new Double[] { request.materialCost(), request.powerCost(), request.laborCost(),
                request.costPerGram(), request.estimatedUsage() }) {
            if (value != null && value < 0) {
                throw ApiException.validation("costs and usage must not be negative");
            }
        }
        if (request.isBusiness() != null) {
            job.isBusiness = request.isBusiness();
        }
        if (request.customerInfo() != null) {
            job.customerOrderId = request.customerInfo().orderId();
            job.customerName = request.customerInfo().customerName();
        }
        if (request.costPerGram() != null) {
            job.costPerGram = request.costPerGram();
            JobCosts.apply(job, config.costs());
        }
        if (request.estimatedUsage() != null) {
            job.estimatedUsage = request.estimatedUsage();
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

    public Job toApi(PrintJob j) {
        Instant end = j.endTime != null ? j.endTime : Instant.now();
        Long actual = j.startTime == null ? null : Duration.between(j.startTime, end).toSeconds();
        Instant completion = j.isActive() && j.remainingSeconds != null ? Instant.now().plusSeconds(j.remainingSeconds)
                : j.endTime;
        Double total = j.materialCost == null && j.powerCost == null && j.laborCost == null ? null
                : JobCosts.round(nz(j.materialCost) + nz(j.powerCost) + nz(j.laborCost));
        return new Job(j.id, j.printerId, j.printerName, j.jobName, j.status, j.progress, j.layerCurrent, j.layerTotal,
                j.startTime, j.endTime, j.estimatedDuration, actual, completion,
                new MaterialInfo(j.materialType, j.materialBrand, j.materialColor, j.estimatedUsage, j.actualUsage,
                        j.costPerGram, trays(j.traysUsed)),
                new FileInfo(j.fileName == null ? null : j.fileName.substring(j.fileName.lastIndexOf('/') + 1), null,
                        j.fileName),
                new Costs(j.materialCost, j.powerCost, j.laborCost, total), j.isBusiness,
                j.customerOrderId == null && j.customerName == null ? null : new CustomerInfo(j.customerOrderId, j.customerName),
                j.notes, j.scheduledPrintId, j.externalRef, j.createdAt, j.updatedAt);
    }

    private List<TrayUsage> trays(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, new TypeReference<List<TrayUsage>>() {
            });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static double nz(Double value) {
        return value == null ? 0 : value;
    }
}
