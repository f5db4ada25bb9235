package app.nozzly.printer.queue.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.queue.ScheduledPrint;
import app.nozzly.printer.queue.service.QueueService;

/** specs/002 Print Scheduling (/api/bambu/scheduled-prints). */
@Path("/api/bambu/scheduled-prints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduledPrintResource {

    @Inject
    QueueService queue;

    public record ScheduledPrintView(long id, String printerId, String jobName, String fileName, String materialType,
            Integer materialSlot, Integer estimatedDurationMinutes, String status, int priority, Instant scheduledStart,
            String externalRef, String dispatchedPrinterId, Long jobId, String lastError, Instant createdAt,
            Instant updatedAt) {

        static ScheduledPrintView of(ScheduledPrint p) {
            return new ScheduledPrintView(p.id, p.printerId, p.jobName, p.fileName, p.materialType, p.materialSlot,
                    p.estimatedDurationMinutes, p.status, p.priority, p.scheduledStart, p.externalRef,
                    p.dispatchedPrinterId, p.jobId, p.lastError, p.createdAt, p.updatedAt);
        }
    }

    public record QueueEntry(long id, String jobName, String status, int priority, Integer estimatedDuration) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChange(String status) {
    }

    @POST
    public Response schedule(QueueService.Schedule request) {
        return Response.status(201).entity(ScheduledPrintView.of(queue.schedule(request))).build();
    }

    @GET
    public List<ScheduledPrintView> list(@QueryParam("printer_id") String printerId, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > 100 || offset < 0) {
            throw ApiException.badRequest("limit must be between 1 and 100 and offset >= 0");
        }
        return queue.list(printerId, status, limit, offset).stream().map(ScheduledPrintView::of).toList();
    }

    /** The queue of printer {id}. */
    @GET
    @Path("/{id}/queue")
    public List<QueueEntry> printerQueue(@PathParam("id") String printerId) {
        return queue.queue(printerId).stream()
                .map(p -> new QueueEntry(p.id, p.jobName, p.status, p.priority, p.estimatedDurationMinutes)).toList();
    }

    @PUT
    @Path("/{id}")
    public ScheduledPrintView update(@PathParam("id") long id, StatusChange change) {
        return ScheduledPrintView.of(queue.updateStatus(id, change == null ? null : change.status()));
    }

    @DELETE
    @Path("/{id}")
    public Map<String, String> cancel(@PathParam("id") long id) {
        queue.cancel(id);
        return Map.of("message", "Scheduled print cancelled");
    }
}
