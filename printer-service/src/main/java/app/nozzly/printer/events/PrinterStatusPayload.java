package app.nozzly.printer.events;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Payload of printer.status.changed on topic printer.status (key printer id); also sent when only
 * supports_remote_control changes (a Bambu printer refusing our commands: read_only_reason says why).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PrinterStatusPayload(String printerId, String printerName, String type, String status,
        String previousStatus, String connectionStatus, Instant lastSeen, Instant changedAt,
        boolean supportsRemoteControl, String readOnlyReason) {
}
