package app.nozzly.printer.jobs.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.jobs.api.JobApi.Cancelled;
import app.nozzly.printer.jobs.api.JobApi.Controlled;
import app.nozzly.printer.jobs.api.JobApi.Job;
import app.nozzly.printer.jobs.api.JobApi.Page;
import app.nozzly.printer.jobs.api.JobApi.UpdateJob;
import app.nozzly.printer.jobs.api.JobApi.Updated;
import app.nozzly.printer.jobs.service.JobService;

/** specs/003 section 3, Job Monitoring. */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    JobService jobs;

    @GET
    public Page list(@QueryParam("printer_id") String printerId, @QueryParam("status") String status,
            @QueryParam("is_business") Boolean isBusiness, @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate, @QueryParam("page") Integer page, @QueryParam("limit") Integer limit,
            @QueryParam("order_by") String orderBy, @QueryParam("order_dir") String orderDir) {
        return jobs.list(printerId, status, isBusiness, startDate, endDate, page, limit, orderBy, orderDir);
    }

    @GET
    @Path("/{job_id}")
    public Job get(@PathParam("job_id") long id) {
        return jobs.get(id);
    }

    @POST
    @Path("/{job_id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public Cancelled cancel(@PathParam("job_id") long id) {
        PrintJob job = jobs.cancel(id);
        return new Cancelled(job.id, job.status, "Job cancellation initiated", job.endTime);
    }

    /** Extension of specs/003: pauses the real print; the job turns "paused" when the printer reports it. */
    @POST
    @Path("/{job_id}/pause")
    @Consumes(MediaType.WILDCARD)
    public Controlled pause(@PathParam("job_id") long id) {
        PrintJob job = jobs.pause(id);
        return new Controlled(job.id, job.status, "Job pause requested");
    }

    /** Extension of specs/003: resumes a paused print on the printer. */
    @POST
    @Path("/{job_id}/resume")
    @Consumes(MediaType.WILDCARD)
    public Controlled resume(@PathParam("job_id") long id) {
        PrintJob job = jobs.resume(id);
        return new Controlled(job.id, job.status, "Job resume requested");
    }

    @PUT
    @Path("/{job_id}")
    public Updated update(@PathParam("job_id") long id, UpdateJob request) {
        PrintJob job = jobs.update(id, request);
        return new Updated(job.id, "Job information updated successfully", job.updatedAt);
    }
}
