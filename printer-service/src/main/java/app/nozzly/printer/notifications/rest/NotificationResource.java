package app.nozzly.printer.notifications.rest;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.notifications.NotificationSetting;
import app.nozzly.printer.notifications.WebhookDelivery;
import app.nozzly.printer.notifications.service.NotificationService;

/**
 * specs/002 Notifications (/api/bambu/notifications). webhook_secret (beyond the spec) is the HMAC key of the
 * X-Nozzly-Signature header; /{id}/deliveries is the delivery log.
 */
@Path("/api/bambu/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationResource {

    @Inject
    NotificationService notifications;

    public record Settings(long id, String printerId, boolean notifyPrintStart, boolean notifyPrintComplete,
            boolean notifyPrintFailed, boolean notifyMaterialChange, boolean notifyMaintenance, boolean emailEnabled,
            String webhookUrl, String webhookSecret) {

        static Settings of(NotificationSetting s) {
            return new Settings(s.id, s.printerId, s.notifyPrintStart, s.notifyPrintComplete, s.notifyPrintFailed,
                    s.notifyMaterialChange, s.notifyMaintenance, s.emailEnabled, s.webhookUrl, s.webhookSecret);
        }
    }

    public record Delivery(long id, String event, String url, String status, int attempts, Integer lastStatusCode,
            String lastError, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {
    }

    public record DeliveryPage(List<Delivery> data, long total, int limit, int offset) {
    }

    /** With printer_id: that printer's settings (created with defaults on first read); without: all of them. */
    @GET
    public Object get(@QueryParam("printer_id") String printerId) {
        if (printerId == null) {
            return notifications.all().stream().map(Settings::of).toList();
        }
        return Settings.of(notifications.forPrinter(printerId));
    }

    @PUT
    @Path("/{id}")
    public Settings update(@PathParam("id") long id, NotificationService.SettingsChange change) {
        if (change == null) {
            throw ApiException.badRequest("request body is required");
        }
        return Settings.of(notifications.update(id, change));
    }

    @GET
    @Path("/{id}/deliveries")
    public DeliveryPage deliveries(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > 100 || offset < 0) {
            throw ApiException.badRequest("limit must be between 1 and 100 and offset >= 0");
        }
        List<Delivery> items = notifications.deliveries(id, limit, offset).stream().map(NotificationResource::of).toList();
        return new DeliveryPage(items, notifications.countDeliveries(id), limit, offset);
    }

    private static Delivery of(WebhookDelivery d) {
        return new Delivery(d.id, d.event, d.url, d.status, d.attempts, d.lastStatusCode, d.lastError, d.nextAttemptAt,
                d.createdAt, d.deliveredAt);
    }
}
