package app.nozzly.production.runs.rest;

import static app.nozzly.production.runs.rest.RunParams.PARAMS;

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

import app.nozzly.production.runs.PlateStatus;
import app.nozzly.production.runs.RunRequests.CompletePlate;
import app.nozzly.production.runs.RunRequests.CreatePlate;
import app.nozzly.production.runs.RunRequests.UpdatePlate;
import app.nozzly.production.runs.RunViews.PlatePage;
import app.nozzly.production.runs.RunViews.PlateView;
import app.nozzly.production.runs.service.PlateService;

/** specs/000 "Production Run Plates". */
@Path("/api/v1/production-runs/{id}/plates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlateResource {

    @Inject
    PlateService service;

    @GET
    public PlatePage list(@PathParam("id") UUID runId, @QueryParam("status_filter") String statusFilter,
            @QueryParam("skip") String skip, @QueryParam("limit") String limit) {
        return service.list(runId, PARAMS.oneOf("status_filter", statusFilter, PlateStatus.class),
                PARAMS.skipOrAll(skip, limit, RunParams.DEFAULT_LIMIT, RunParams.MAX_LIMIT));
    }

    @POST
    public Response create(@PathParam("id") UUID runId, CreatePlate request) {
        return Response.status(Response.Status.CREATED).entity(service.create(runId, request)).build();
    }

    @GET
    @Path("{plate_id}")
    public PlateView get(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId) {
        return service.get(runId, plateId);
    }

    @PATCH
    @Path("{plate_id}")
    public PlateView update(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId, UpdatePlate request) {
        return service.update(runId, plateId, request);
    }

    @POST
    @Path("{plate_id}/start")
    public PlateView start(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId) {
        return service.start(runId, plateId);
    }

    @POST
    @Path("{plate_id}/complete")
    public PlateView complete(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId,
            CompletePlate request) {
        return service.complete(runId, plateId, request);
    }

    @POST
    @Path("{plate_id}/fail")
    public PlateView fail(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId,
            @QueryParam("notes") String notes) {
        return service.fail(runId, plateId, notes);
    }

    @POST
    @Path("{plate_id}/cancel")
    public PlateView cancel(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId,
            @QueryParam("notes") String notes) {
        return service.cancel(runId, plateId, notes);
    }

    @DELETE
    @Path("{plate_id}")
    public Response delete(@PathParam("id") UUID runId, @PathParam("plate_id") UUID plateId) {
        service.delete(runId, plateId);
        return Response.noContent().build();
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
