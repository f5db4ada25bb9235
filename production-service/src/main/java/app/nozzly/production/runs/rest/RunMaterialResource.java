package app.nozzly.production.runs.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import app.nozzly.production.runs.RunRequests.AddMaterial;
import app.nozzly.production.runs.RunRequests.UpdateMaterial;
import app.nozzly.production.runs.RunViews.MaterialView;
import app.nozzly.production.runs.service.RunMaterialService;

/** specs/000 "Production Run Materials". */
@Path("/api/v1/production-runs/{id}/materials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunMaterialResource {

    @Inject
    RunMaterialService service;

    @POST
    public Response add(@PathParam("id") UUID runId, AddMaterial request) {
        return Response.status(Response.Status.CREATED).entity(service.add(runId, request)).build();
    }

    @PATCH
    @Path("{mat_id}")
    public MaterialView update(@PathParam("id") UUID runId, @PathParam("mat_id") UUID materialId,
            UpdateMaterial request) {
        return service.update(runId, materialId, request);
    }

    @DELETE
    @Path("{mat_id}")
    public Response delete(@PathParam("id") UUID runId, @PathParam("mat_id") UUID materialId) {
        service.delete(runId, materialId);
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
