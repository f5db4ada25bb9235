package app.nozzly.printer.jobs.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import app.nozzly.printer.events.JobEventPayload.TrayUsage;
import app.nozzly.printer.printers.api.PrinterApi.Pagination;

/** API records of specs/003 section 3, Job Monitoring. */
public final class JobApi {

    private JobApi() {
    }

    public record MaterialInfo(String type, String brand, String color, Double estimatedUsage, Double actualUsage,
            Double costPerGram, List<TrayUsage> trays) {
    }

    public record FileInfo(String filename, Long size, String path) {
    }

    public record Costs(Double materialCost, Double powerCost, Double laborCost, Double totalCost) {
    }

    public record CustomerInfo(String orderId, String customerName) {
    }

    public record Job(long id, String printerId, String printerName, String jobName, String status, double progress,
            Integer layerCurrent, Integer layerTotal, Instant startTime, Instant endTime, Integer estimatedDuration,
            Long actualDuration, Instant estimatedCompletion, MaterialInfo materialInfo, FileInfo fileInfo, Costs costs,
            boolean isBusiness, CustomerInfo customerInfo, String notes, Long scheduledPrintId, String externalRef,
            Instant createdAt, Instant updatedAt) {
    }

    public record Summary(long activeJobs, long queuedJobs, long completedToday, long failedToday) {
    }

    public record Page(List<Job> jobs, Pagination pagination, Summary summary) {
    }

    public record Cancelled(long id, String status, String message, Instant cancelledAt) {
    }

    /** Answer to pause and resume: the job as it is now; its status follows the printer's next report. */
    public record Controlled(long id, String status, String message) {
    }

    public record Updated(long id, String message, Instant updatedAt) {
    }

    /** PUT /jobs/{id}: business fields and costs; absent fields keep their value. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UpdateJob(Boolean isBusiness, CustomerInfo customerInfo, Double materialCost, Double powerCost,
            Double laborCost, Double costPerGram, Double estimatedUsage, String notes) {
    }
}
