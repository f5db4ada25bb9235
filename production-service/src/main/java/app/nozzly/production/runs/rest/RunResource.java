package app.nozzly.production.runs.rest;

import static app.nozzly.production.runs.rest.RunParams.PARAMS;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import app.nozzly.production.runs.RunStatus;
import app.nozzly.production.runs.RunRequests.CancelRun;
import app.nozzly.production.runs.RunRequests.CreateRun;
import app.nozzly.production.runs.RunRequests.CreateRunForOrders;
import app.nozzly.production.runs.RunRequests.FailRun;
import app.nozzly.production.runs.RunRequests.UpdateRun;
import app.nozzly.production.runs.RunViews.FailureReason;
import app.nozzly.production.runs.RunViews.RunDetail;
import app.nozzly.production.runs.RunViews.RunPage;
import app.nozzly.production.runs.service.FailureReasons;
import app.nozzly.production.runs.service.ProductionRunService;
import app.nozzly.production.runs.service.ProductionRunService.RunFilter;
import app.nozzly.production.runs.service.RunsForOrders;

/** specs/000 "Production Runs": the run itself and its outcomes (complete, cancel, fail). */
@Path("/api/v1/production-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunResource {

    @Inject
    ProductionRunService service;

    @Inject
    RunsForOrders forOrders;

    @GET
    public RunPage list(@QueryParam("status_filter") String statusFilter, @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate, @QueryParam("skip") String skip,
            @QueryParam("limit") String limit) {
        OffsetDateTime from = PARAMS.instant("start_date", startDate, false);
        OffsetDateTime to = PARAMS.instant("end_date", endDate, true);
        PARAMS.ordered("start_date", from, "end_date", to);
        return service.list(new RunFilter(PARAMS.oneOf("status_filter", statusFilter, RunStatus.class), from, to),
                PARAMS.skip(skip, limit, RunParams.DEFAULT_LIMIT, RunParams.MAX_LIMIT));
    }

    @POST
    public Response create(CreateRun request) {
        RunDetail run = service.create(request);
        return Response.created(URI.create("/api/v1/production-runs/" + run.id())).entity(run).build();
    }

    /** A run for specs/002 orders (our extension): one item per order line, skus mapped to models by inventory. */
    @POST
    @Path("for-orders")
    public Response createForOrders(CreateRunForOrders request) {
        RunDetail run = forOrders.create(request);
        return Response.created(URI.create("/api/v1/production-runs/" + run.id())).entity(run).build();
    }

    @GET
    @Path("failure-reasons")
    public List<FailureReason> failureReasons() {
        return FailureReasons.ALL;
    }

    @GET
    @Path("{id}")
    public RunDetail get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("{id}")
    public RunDetail update(@PathParam("id") UUID id, UpdateRun request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/complete")
    public RunDetail complete(@PathParam("id") UUID id) {
        return service.complete(id);
    }

    @POST
    @Path("{id}/cancel")
    public RunDetail cancel(@PathParam("id") UUID id, CancelRun request) {
        return service.cancel(id, request);
    }

    @POST
    @Path("{id}/fail")
    public RunDetail fail(@PathParam("id") UUID id, FailRun request) {
        return service.fail(id, request);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Problems.of(e);
    }
}
