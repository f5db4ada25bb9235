package app.nozzly.printer.jobs.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.nozzly.printer.api.Pagination;
import app.nozzly.printer.events.JobEventPayload.TrayUsage;
import app.nozzly.printer.jobs.JobStatus;

/** API records of specs/003 section 3, Job Monitoring. */
public final class JobApi {

    /** specs/003 quality grades, worst to best. */
    private static final String GRADES = "poor|fair|good|excellent";
    private static final String GRADE_RULE = "must be one of poor, fair, good, excellent";

    private JobApi() {
    }

    /** trays (beyond the spec): grams each AMS tray gave. */
    public record MaterialInfo(String type, String brand, String color, Double estimatedUsage, Double actualUsage,
            Double costPerGram, List<TrayUsage> trays) {
    }

    /**
     * The printed file; hash ("sha256:...") once its bytes passed through this service, uploaded_at its time on the
     * printer.
     */
    public record FileInfo(String filename, Long size, String path, String hash, Instant uploadedAt) {
    }

    /** From the file's slicer metadata and the printer's reports (nozzle and bed targets, speed in percent). */
    public record PrintSettings(Double layerHeight, Integer infill, Integer printSpeed, Integer nozzleTemp,
            Integer bedTemp) {
    }

    public record Costs(Double materialCost, Double powerCost, Double laborCost, Double totalCost) {
    }

    /** As an operator judged the print (PUT /jobs/{id}); printers report none of it. */
    @Schema(name = "JobQualityMetrics")
    public record QualityMetrics(@Pattern(regexp = GRADES, message = GRADE_RULE) String firstLayerAdhesion,
            @Pattern(regexp = GRADES, message = GRADE_RULE) String surfaceFinish,
            @PositiveOrZero Double dimensionalAccuracy) {
    }

    public record CustomerInfo(@Size(max = 100) String orderId, @Size(max = 200) String customerName) {
    }

    /**
     * A job of GET /jobs and GET /jobs/{id}. file_info is null for a print without a file (a serial print);
     * notes, scheduled_print_id and external_ref are ours.
     */
    public record Job(long id, String printerId, String printerName, String jobName, JobStatus status, double progress,
            Integer layerCurrent, Integer layerTotal, Instant startTime, Instant endTime, Integer estimatedDuration,
            Long actualDuration, Instant estimatedCompletion, MaterialInfo materialInfo, FileInfo fileInfo,
            PrintSettings printSettings, Costs costs, QualityMetrics qualityMetrics, boolean isBusiness,
            CustomerInfo customerInfo, String notes, Long scheduledPrintId, String externalRef, Instant createdAt,
            Instant updatedAt) {
    }

    @Schema(name = "JobSummary")
    public record Summary(long activeJobs, long queuedJobs, long completedToday, long failedToday) {
    }

    public record Page(List<Job> jobs, Pagination pagination, Summary summary) {
    }

    /** POST /jobs (ours): print a file that lies on a printer; the job appears once the printer reports it. */
    public record StartJob(@NotBlank @Size(max = 64) String printerId, @NotBlank @Size(max = 32) String fileId) {
    }

    public record Starting(String printerId, String fileId, String status, String message) {
    }

    public record Cancelled(long id, JobStatus status, String message, Instant cancelledAt) {
    }

    /** Answer to pause and resume: the job as it is now; its status follows the printer's next report. */
    public record Controlled(long id, JobStatus status, String message) {
    }

    @Schema(name = "JobUpdated")
    public record Updated(long id, String message, Instant updatedAt) {
    }

    /** PUT /jobs/{id}: business fields, costs and quality; absent fields keep their value. */
    public record UpdateJob(Boolean isBusiness, @Valid CustomerInfo customerInfo, @PositiveOrZero Double materialCost,
            @PositiveOrZero Double powerCost, @PositiveOrZero Double laborCost, @PositiveOrZero Double costPerGram,
            @PositiveOrZero Double estimatedUsage, @Size(max = 10_000) String notes,
            @Valid QualityMetrics qualityMetrics) {
    }
}
