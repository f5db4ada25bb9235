package app.nozzly.printer.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Payload of printer.job.* events on topic printer.jobs (key printer id): started, progress (25/50/75 %),
 * finished and failed (also for a cancelled job, with status "cancelled").
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobEventPayload(long jobId, String printerId, String printerName, String jobName, String status,
        double progress, Instant startedAt, Instant endedAt, Double filamentUsedGrams, List<TrayUsage> trays,
        Long scheduledPrintId, String externalRef) {

    /** Filament one AMS tray gave to the job. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TrayUsage(int amsId, int trayId, String materialType, String color, Double grams) {
    }
}
