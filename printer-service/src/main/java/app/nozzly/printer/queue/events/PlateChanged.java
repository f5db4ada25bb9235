package app.nozzly.printer.queue.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Our reading of production-service's production.plate.changed payload (chain contract C4/C5). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PlateChanged(String runId, String runNumber, String plateId, Integer plateNumber, String printerId,
        String status, String change, String jobName, String fileName, Integer estimatedPrintTimeMinutes) {

    public static final String TYPE = "production.plate.changed";

    /** The external_ref of the scheduled print that prints this plate; production-service follows jobs by it. */
    public String externalRef() {
        return "production-plate:" + plateId;
    }

    /** The job name production gave, else the one it would give ("<run_number> plate <plate_number>"). */
    public String jobNameOrDefault() {
        if (jobName != null && !jobName.isBlank()) {
            return jobName.trim();
        }
        return (runNumber == null ? "run " + runId : runNumber) + " plate " + (plateNumber == null ? "?" : plateNumber);
    }
}
