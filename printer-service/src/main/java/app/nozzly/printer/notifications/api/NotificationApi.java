package app.nozzly.printer.notifications.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

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
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SettingsChange(Boolean notifyPrintStart, Boolean notifyPrintComplete, Boolean notifyPrintFailed,
            Boolean notifyMaterialChange, Boolean notifyMaintenance, Boolean emailEnabled, String webhookUrl,
            String webhookSecret) {
    }

    public record Delivery(long id, String event, String url, DeliveryStatus status, int attempts,
            Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {
    }

    public record DeliveryPage(List<Delivery> data, long total, int limit, int offset) {
    }
}
