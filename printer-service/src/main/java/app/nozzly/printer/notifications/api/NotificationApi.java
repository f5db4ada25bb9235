package app.nozzly.printer.notifications.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Size;

import app.nozzly.printer.notifications.DeliveryStatus;

/**
 * API records of specs/002 "Notifications". webhook_secret (beyond the spec) is the HMAC key of the
 * X-Nozzly-Signature header; the delivery log is ours too.
 */
public final class NotificationApi {

    private NotificationApi() {
    }

    public record Settings(long id, String printerId, boolean notifyPrintStart, boolean notifyPrintComplete,
            boolean notifyPrintFailed, boolean notifyMaterialChange, boolean notifyMaintenance, boolean emailEnabled,
            String webhookUrl, String webhookSecret) {
    }

    /** PUT /bambu/notifications/{id}: absent fields keep their value; a blank webhook_url removes it. */
    public record SettingsChange(Boolean notifyPrintStart, Boolean notifyPrintComplete, Boolean notifyPrintFailed,
            Boolean notifyMaterialChange, Boolean notifyMaintenance, Boolean emailEnabled,
            @Size(max = 2000) String webhookUrl, @Size(min = 16, max = 200) String webhookSecret) {
    }

    public record Delivery(long id, String event, String url, DeliveryStatus status, int attempts,
            Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {
    }

    public record DeliveryPage(List<Delivery> data, long total, int limit, int offset) {
    }
}
