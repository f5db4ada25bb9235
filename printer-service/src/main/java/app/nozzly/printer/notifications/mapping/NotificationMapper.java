package app.nozzly.printer.notifications.mapping;

import app.nozzly.printer.notifications.NotificationSetting;
import app.nozzly.printer.notifications.WebhookDelivery;
import app.nozzly.printer.notifications.api.NotificationApi.Delivery;
import app.nozzly.printer.notifications.api.NotificationApi.Settings;

/** Notification entities -> specs/002 records. */
public final class NotificationMapper {

    private NotificationMapper() {
    }

    public static Settings toApi(NotificationSetting s) {
        return new Settings(s.id, s.printerId, s.notifyPrintStart, s.notifyPrintComplete, s.notifyPrintFailed,
                s.notifyMaterialChange, s.notifyMaintenance, s.emailEnabled, s.webhookUrl, s.webhookSecret);
    }

    public static Delivery toApi(WebhookDelivery d) {
        return new Delivery(d.id, d.event, d.url, d.status, d.attempts, d.lastStatusCode, d.lastError,
                d.nextAttemptAt, d.createdAt, d.deliveredAt);
    }
}
