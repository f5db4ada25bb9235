package app.nozzly.printer.queue.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import app.nozzly.printer.queue.ScheduledPrintStatus;

/** API records of specs/002 "Print Scheduling". */
public final class ScheduledPrintApi {

    private ScheduledPrintApi() {
    }

    /** POST /bambu/scheduled-prints; external_ref (e.g. "plate:&lt;uuid&gt;") is echoed in the job's events. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(String printerId, String jobName, String fileName, String materialType, Integer materialSlot,
            Integer estimatedDurationMinutes, Integer priority, String externalRef) {
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChange(ScheduledPrintStatus status) {
    }
}
