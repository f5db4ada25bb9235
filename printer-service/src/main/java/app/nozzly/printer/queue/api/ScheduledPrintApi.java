package app.nozzly.printer.queue.api;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import app.nozzly.printer.queue.ScheduledPrintStatus;

/** API records of specs/002 "Print Scheduling". */
public final class ScheduledPrintApi {

    private static final String PRIORITY_RULE = "must be between 1 (first) and 10";

    private ScheduledPrintApi() {
    }

    /** POST /bambu/scheduled-prints; external_ref (e.g. "plate:&lt;uuid&gt;") is echoed in the job's events. */
    public record Schedule(@Size(max = 64) String printerId, @NotBlank @Size(max = 500) String jobName,
            @NotBlank @Size(max = 500) String fileName, @Size(max = 32) String materialType,
            @Min(1) @Max(16) Integer materialSlot, @PositiveOrZero Integer estimatedDurationMinutes,
            @Min(value = 1, message = PRIORITY_RULE) @Max(value = 10, message = PRIORITY_RULE) Integer priority,
            @Size(max = 200) String externalRef) {
    }

    public record ScheduledPrintView(long id, String printerId, String jobName, String fileName, String materialType,
            Integer materialSlot, Integer estimatedDurationMinutes, ScheduledPrintStatus status, int priority,
            Instant scheduledStart, String externalRef, String dispatchedPrinterId, Long jobId, String lastError,
            Instant createdAt, Instant updatedAt) {
    }

    /** GET /bambu/scheduled-prints/{id}/queue: estimated_duration in minutes, as scheduled. */
    public record QueueEntry(long id, String jobName, ScheduledPrintStatus status, int priority,
            Integer estimatedDuration) {
    }

    public record StatusChange(@NotNull ScheduledPrintStatus status) {
    }
}
