package app.nozzly.printer.events;

import java.time.Instant;

/** Payload of printer.status.changed on topic printer.status (key printer id). */
public record PrinterStatusPayload(String printerId, String printerName, String type, String status,
        String previousStatus, String connectionStatus, Instant lastSeen, Instant changedAt) {
}
