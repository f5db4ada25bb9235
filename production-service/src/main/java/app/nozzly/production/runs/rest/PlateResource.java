package app.nozzly.production.runs.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.security.Roles;
import app.nozzly.production.runs.PlateStatus;
import app.nozzly.production.runs.RunRequests.CompletePlate;
import app.nozzly.production.runs.RunRequests.CreatePlate;
import app.nozzly.production.runs.RunRequests.UpdatePlate;
import app.nozzly.production.runs.RunViews.PlatePage;
import app.nozzly.production.runs.RunViews.PlateView;
import app.nozzly.production.runs.service.PlateService;
import app.nozzly.production.support.PageRequest;

/** specs/000 "Production Run Plates". */
@Path("/api/v1/production-runs/{id}/plates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class PlateResource {

    @Inject
    PlateService service;

    /** Every plate of the run, unless a window is asked for by skip and limit (as the run list pages). */
    @GET
    public PlatePage list(@PathParam("id") UUID runId, @QueryParam("status_filter") PlateStatus status,
            @QueryParam("skip") @Min(0) Integer skip,
            @QueryParam("limit") @Min(1) @Max(RunResource.MAX_LIMIT) Integer limit) {
        return service.list(runId, status, PageRequest.skipOrAll(skip, limit, RunResource.DEFAULT_LIMIT));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @ResponseStatus(201)
    public PlateView create(@PathParam("id") UUID runId, @Valid @NotNull CreatePlate request) {
        return service.create(runId, request);
    }

    @GET
    @Path("{plate_id}")
    public PlateView get(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId) {
        return service.get(runId, plateId);
    }

    @PATCH
    @Path("{plate_id}")
    @RolesAllowed(Roles.OPERATOR)
    public PlateView update(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId,
            @Valid @NotNull UpdatePlate request) {
        return service.update(runId, plateId, request);
    }

    @POST
    @Path("{plate_id}/start")
    @RolesAllowed(Roles.OPERATOR)
    public PlateView start(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId) {
        return service.start(runId, plateId);
    }

    @POST
    @Path("{plate_id}/complete")
    @RolesAllowed(Roles.OPERATOR)
    public PlateView complete(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId,
            @Valid @NotNull CompletePlate request) {
        return service.complete(runId, plateId, request);
    }

    @POST
    @Path("{plate_id}/fail")
    @RolesAllowed(Roles.OPERATOR)
    public PlateView fail(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId,
            @QueryParam("notes") @Size(max = 2000) String notes) {
        return service.fail(runId, plateId, notes);
    }

    @POST
    @Path("{plate_id}/cancel")
    @RolesAllowed(Roles.OPERATOR)
    public PlateView cancel(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId,
            @QueryParam("notes") @Size(max = 2000) String notes) {
        return service.cancel(runId, plateId, notes);
    }

    @DELETE
    @Path("{plate_id}")
    @RolesAllowed(Roles.OPERATOR)
    public void delete(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId) {
        service.delete(runId, plateId);
    }
}
