package app.nozzly.production.runs.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.jboss.resteasy.reactive.RestResponse;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.security.Roles;
import app.nozzly.production.runs.RunRequests.CancelRun;
import app.nozzly.production.runs.RunRequests.CreateRun;
import app.nozzly.production.runs.RunRequests.CreateRunForOrders;
import app.nozzly.production.runs.RunRequests.FailRun;
import app.nozzly.production.runs.RunRequests.UpdateRun;
import app.nozzly.production.runs.RunStatus;
import app.nozzly.production.runs.RunViews.FailureReason;
import app.nozzly.production.runs.RunViews.RunDetail;
import app.nozzly.production.runs.RunViews.RunPage;
import app.nozzly.production.runs.service.FailureReasons;
import app.nozzly.production.runs.service.ProductionRunService;
import app.nozzly.production.runs.service.ProductionRunService.RunFilter;
import app.nozzly.production.runs.service.RunsForOrders;
import app.nozzly.production.support.PageRequest;
import app.nozzly.production.support.TimeBound;

/** specs/000 "Production Runs": the run itself and its outcomes (complete, cancel, fail). */
@Path("/api/v1/production-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class RunResource {

    /** specs/000 "List Production Runs": limit 100 by default, at most 1000. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Inject
    ProductionRunService service;

    @Inject
    RunsForOrders forOrders;

    @GET
    public RunPage list(@QueryParam("status_filter") RunStatus status, @QueryParam("start_date") TimeBound start,
            @QueryParam("end_date") TimeBound end, @QueryParam("skip") @Min(0) Integer skip,
            @QueryParam("limit") @Min(1) @Max(MAX_LIMIT) Integer limit) {
        RunFilter filter = new RunFilter(status, TimeBound.from(start), TimeBound.until(end));
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw ApiProblem.invalidField("start_date", "start_date must not be after end_date");
        }
        return service.list(filter, PageRequest.skip(skip, limit, DEFAULT_LIMIT));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @ResponseStatus(201)
    public RestResponse<RunDetail> create(@Valid @NotNull CreateRun request) {
        return created(service.create(request));
    }

    /**
     * A run for specs/002 orders (our extension): one item per order line, skus mapped to models by inventory; 422
     * names every sku no model maps.
     */
    @POST
    @Path("for-orders")
    @RolesAllowed(Roles.OPERATOR)
    @ResponseStatus(201)
    @APIResponseSchema(value = RunDetail.class, responseCode = "201", responseDescription = "the run created")
    @APIResponse(responseCode = "422", description = "an order line's sku maps to no model; nothing was created",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "ErrorProblem")))
    public RestResponse<RunDetail> createForOrders(@Valid @NotNull CreateRunForOrders request) {
        return created(forOrders.create(request));
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
    @RolesAllowed(Roles.OPERATOR)
    public RunDetail update(@PathParam("id") UUID id, @Valid @NotNull UpdateRun request) {
        return service.update(id, request);
    }

    /** Removes a run that moved no stock: a record of the farm, so the tenant's administrators decide. */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed(Roles.OPERATOR)
    public RunDetail complete(@PathParam("id") UUID id) {
        return service.complete(id);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.OPERATOR)
    public RunDetail cancel(@PathParam("id") UUID id, @Valid CancelRun request) {
        return service.cancel(id, request);
    }

    @POST
    @Path("{id}/fail")
    @RolesAllowed(Roles.OPERATOR)
    public RunDetail fail(@PathParam("id") UUID id, @Valid @NotNull FailRun request) {
        return service.fail(id, request);
    }

    private static RestResponse<RunDetail> created(RunDetail run) {
        return RestResponse.ResponseBuilder.<RunDetail>created(URI.create("/api/v1/production-runs/" + run.id()))
                .entity(run).build();
    }
}
