package app.nozzly.printer.notifications.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import app.nozzly.platform.security.Roles;
import app.nozzly.printer.notifications.api.NotificationApi.DeliveryPage;
import app.nozzly.printer.notifications.api.NotificationApi.Settings;
import app.nozzly.printer.notifications.api.NotificationApi.SettingsChange;
import app.nozzly.printer.notifications.mapping.NotificationMapper;
import app.nozzly.printer.notifications.service.NotificationService;
import app.nozzly.printer.notifications.service.NotificationService.DeliveryLog;

/**
 * specs/002 Notifications (/api/bambu/notifications). webhook_secret (beyond the spec) is the HMAC key of the
 * X-Nozzly-Signature header; /{id}/deliveries is the delivery log. Where a printer's events go, signed with
 * which secret, is the tenant's administration: admins only.
 */
@Path("/api/bambu/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class NotificationResource {

    @Inject
    NotificationService notifications;

    /** With printer_id: that printer's settings (created with defaults on first read); without: a page of all. */
    @GET
    @APIResponse(responseCode = "200", description = "the printer's settings, or without printer_id a list of all",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = { Settings.class, Settings[].class })))
    public Response get(@QueryParam("printer_id") String printerId,
            @QueryParam("limit") @Min(1) @Max(100) Integer limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) Integer offset) {
        if (printerId == null) {
            List<Settings> all = notifications.page(offset, limit).stream().map(NotificationMapper::toApi).toList();
            return Response.ok(all).build();
        }
        return Response.ok(NotificationMapper.toApi(notifications.forPrinter(printerId))).build();
    }

    @PUT
    @Path("/{id}")
    public Settings update(@PathParam("id") long id, @Valid @NotNull SettingsChange change) {
        return NotificationMapper.toApi(notifications.update(id, change));
    }

    @GET
    @Path("/{id}/deliveries")
    public DeliveryPage deliveries(@PathParam("id") long id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) Integer limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) Integer offset) {
        DeliveryLog log = notifications.deliveries(id, offset, limit);
        return new DeliveryPage(log.deliveries().stream().map(NotificationMapper::toApi).toList(), log.total(),
                limit, offset);
    }
}
