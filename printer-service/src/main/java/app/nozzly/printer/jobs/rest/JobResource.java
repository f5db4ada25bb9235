package app.nozzly.printer.jobs.rest;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.security.Roles;
import app.nozzly.printer.api.CalendarDate;
import app.nozzly.printer.api.SortDirection;
import app.nozzly.printer.files.PrinterFile;
import app.nozzly.printer.jobs.JobStatus;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.jobs.api.JobApi.Cancelled;
import app.nozzly.printer.jobs.api.JobApi.Controlled;
import app.nozzly.printer.jobs.api.JobApi.Job;
import app.nozzly.printer.jobs.api.JobApi.Page;
import app.nozzly.printer.jobs.api.JobApi.StartJob;
import app.nozzly.printer.jobs.api.JobApi.Starting;
import app.nozzly.printer.jobs.api.JobApi.UpdateJob;
import app.nozzly.printer.jobs.api.JobApi.Updated;
import app.nozzly.printer.jobs.repository.PrintJobRepository.Filter;
import app.nozzly.printer.jobs.repository.PrintJobRepository.Order;
import app.nozzly.printer.jobs.service.JobService;
import app.nozzly.printer.openapi.ErrorSchemas;

/** specs/003 section 3, Job Monitoring: viewers read, operators start, control and annotate jobs. */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    JobService jobs;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page list(@QueryParam("printer_id") String printerId, @QueryParam("status") JobStatus status,
            @QueryParam("is_business") Boolean isBusiness, @QueryParam("start_date") @CalendarDate LocalDate startDate,
            @QueryParam("end_date") @CalendarDate LocalDate endDate,
            @QueryParam("page") @DefaultValue("1") @Min(1) Integer page,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) Integer limit,
            @QueryParam("order_by") @DefaultValue("created_at") Order orderBy,
            @QueryParam("order_dir") @DefaultValue("desc") SortDirection orderDir) {
        return jobs.list(new Filter(printerId, status, isBusiness, startDate, endDate), orderBy, orderDir, page,
                limit);
    }

    /** Extension of specs/003: prints a file that lies on a printer; the job shows once the printer reports it. */
    @POST
    @RolesAllowed(Roles.OPERATOR)
    @ResponseStatus(202)
    @APIResponseSchema(value = Starting.class, responseCode = "202",
            responseDescription = "the printer was told to start; the job appears when it reports the print")
    @APIResponse(responseCode = "422", description = "the file is not on that printer (VALIDATION_ERROR)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = ErrorSchemas.ERROR_OBJECT)))
    @APIResponse(responseCode = "502", description = "the printer refused the command (PRINTER_COMMUNICATION_ERROR)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = ErrorSchemas.ERROR_OBJECT)))
    public Starting start(@Valid @NotNull StartJob request) {
        PrinterFile file = jobs.start(request);
        return new Starting(file.printerId, file.id, "starting", "Print start sent to printer");
    }

    @GET
    @Path("/{job_id}")
    @RolesAllowed(Roles.VIEWER)
    public Job get(@PathParam("job_id") long id) {
        return jobs.get(id);
    }

    @POST
    @Path("/{job_id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    @APIResponseSchema(value = Cancelled.class, responseCode = "200",
            responseDescription = "the printer stopped the print")
    @APIResponse(responseCode = "502", description = "the printer refused the command (PRINTER_COMMUNICATION_ERROR)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = ErrorSchemas.ERROR_OBJECT)))
    public Cancelled cancel(@PathParam("job_id") long id) {
        PrintJob job = jobs.cancel(id);
        return new Cancelled(job.id, job.status, "Job cancellation initiated", job.endTime);
    }

    /** Extension of specs/003: pauses the real print; the job turns "paused" when the printer reports it. */
    @POST
    @Path("/{job_id}/pause")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    @APIResponseSchema(value = Controlled.class, responseCode = "200",
            responseDescription = "the printer was told to pause")
    @APIResponse(responseCode = "502", description = "the printer refused the command (PRINTER_COMMUNICATION_ERROR)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = ErrorSchemas.ERROR_OBJECT)))
    public Controlled pause(@PathParam("job_id") long id) {
        PrintJob job = jobs.pause(id);
        return new Controlled(job.id, job.status, "Job pause requested");
    }

    /** Extension of specs/003: resumes a paused print on the printer. */
    @POST
    @Path("/{job_id}/resume")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    @APIResponseSchema(value = Controlled.class, responseCode = "200",
            responseDescription = "the printer was told to resume")
    @APIResponse(responseCode = "502", description = "the printer refused the command (PRINTER_COMMUNICATION_ERROR)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = ErrorSchemas.ERROR_OBJECT)))
    public Controlled resume(@PathParam("job_id") long id) {
        PrintJob job = jobs.resume(id);
        return new Controlled(job.id, job.status, "Job resume requested");
    }

    @PUT
    @Path("/{job_id}")
    @RolesAllowed(Roles.OPERATOR)
    public Updated update(@PathParam("job_id") long id, @Valid @NotNull UpdateJob request) {
        PrintJob job = jobs.update(id, request);
        return new Updated(job.id, "Job information updated successfully", job.updatedAt);
    }
}
