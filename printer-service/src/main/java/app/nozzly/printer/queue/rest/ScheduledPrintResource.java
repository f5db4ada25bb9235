package app.nozzly.printer.queue.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.ratelimit.RateLimited;
import app.nozzly.platform.security.Roles;
import app.nozzly.printer.api.Message;
import app.nozzly.printer.queue.ScheduledPrintStatus;
import app.nozzly.printer.queue.api.ScheduledPrintApi.QueueEntry;
import app.nozzly.printer.queue.api.ScheduledPrintApi.Schedule;
import app.nozzly.printer.queue.api.ScheduledPrintApi.ScheduledPrintView;
import app.nozzly.printer.queue.api.ScheduledPrintApi.StatusChange;
import app.nozzly.printer.queue.mapping.ScheduledPrintMapper;
import app.nozzly.printer.queue.service.QueueService;

/**
 * specs/002 Print Scheduling (/api/bambu/scheduled-prints); lists page with limit and offset. Viewers read the
 * queues, operators schedule, change and cancel prints: specs/002's "print operations", with their own rate limit.
 */
@Path("/api/bambu/scheduled-prints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduledPrintResource {

    /** The rule of specs/002 "Print operations: 100 per minute" (platform.rate-limit.rules). */
    static final String PRINT_OPERATIONS = "print-operations";

    @Inject
    QueueService queue;

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @RateLimited(PRINT_OPERATIONS)
    @ResponseStatus(201)
    public ScheduledPrintView schedule(@Valid @NotNull Schedule request) {
        return ScheduledPrintMapper.toApi(queue.schedule(request));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<ScheduledPrintView> list(@QueryParam("printer_id") String printerId,
            @QueryParam("status") ScheduledPrintStatus status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) Integer limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) Integer offset) {
        return queue.page(printerId, status, offset, limit).stream().map(ScheduledPrintMapper::toApi).toList();
    }

    /** The queue of printer {id}. */
    @GET
    @Path("/{id}/queue")
    @RolesAllowed(Roles.VIEWER)
    public List<QueueEntry> printerQueue(@PathParam("id") String printerId,
            @QueryParam("limit") @Min(1) @Max(100) Integer limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) Integer offset) {
        return queue.queue(printerId, offset, limit).stream().map(ScheduledPrintMapper::toQueueEntry).toList();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @RateLimited(PRINT_OPERATIONS)
    public ScheduledPrintView update(@PathParam("id") long id, @Valid @NotNull StatusChange change) {
        return ScheduledPrintMapper.toApi(queue.updateStatus(id, change.status()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @RateLimited(PRINT_OPERATIONS)
    public Message cancel(@PathParam("id") long id) {
        queue.cancel(id);
        return new Message("Scheduled print cancelled");
    }
}
