package app.nozzly.printer.events;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Payload of printer.status.changed on topic printer.status (key printer id). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PrinterStatusPayload(String printerId, String printerName, String type, String status,
        String previousStatus, String connectionStatus, Instant lastSeen, Instant changedAt) {
}
