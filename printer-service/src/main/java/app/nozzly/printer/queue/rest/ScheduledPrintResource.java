package app.nozzly.printer.queue.rest;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.Response;

import app.nozzly.printer.queue.ScheduledPrintStatus;
import app.nozzly.printer.queue.api.ScheduledPrintApi.QueueEntry;
import app.nozzly.printer.queue.api.ScheduledPrintApi.Schedule;
import app.nozzly.printer.queue.api.ScheduledPrintApi.ScheduledPrintView;
import app.nozzly.printer.queue.api.ScheduledPrintApi.StatusChange;
import app.nozzly.printer.queue.mapping.ScheduledPrintMapper;
import app.nozzly.printer.queue.service.QueueService;

/** specs/002 Print Scheduling (/api/bambu/scheduled-prints); lists page with limit and offset. */
@Path("/api/bambu/scheduled-prints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduledPrintResource {

    @Inject
    QueueService queue;

    @POST
    public Response schedule(Schedule request) {
        return Response.status(201).entity(ScheduledPrintMapper.toApi(queue.schedule(request))).build();
    }

    @GET
    public List<ScheduledPrintView> list(@QueryParam("printer_id") String printerId,
            @QueryParam("status") ScheduledPrintStatus status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) Integer limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) Integer offset) {
        return queue.page(printerId, status, offset, limit).stream().map(ScheduledPrintMapper::toApi).toList();
    }

    /** The queue of printer {id}. */
    @GET
    @Path("/{id}/queue")
    public List<QueueEntry> printerQueue(@PathParam("id") String printerId,
            @QueryParam("limit") @Min(1) @Max(100) Integer limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) Integer offset) {
        return queue.queue(printerId, offset, limit).stream().map(ScheduledPrintMapper::toQueueEntry).toList();
    }

    @PUT
    @Path("/{id}")
    public ScheduledPrintView update(@PathParam("id") long id, StatusChange change) {
        return ScheduledPrintMapper.toApi(queue.updateStatus(id, change == null ? null : change.status()));
    }

    @DELETE
    @Path("/{id}")
    public Map<String, String> cancel(@PathParam("id") long id) {
        queue.cancel(id);
        return Map.of("message", "Scheduled print cancelled");
    }
}
