package app.nozzly.production.runs.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.security.Roles;
import app.nozzly.production.runs.RunRequests.AddMaterial;
import app.nozzly.production.runs.RunRequests.UpdateMaterial;
import app.nozzly.production.runs.RunViews.MaterialView;
import app.nozzly.production.runs.service.RunMaterialService;

/** specs/000 "Production Run Materials": reserving, weighing and releasing spools is running production. */
@Path("/api/v1/production-runs/{id}/materials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class RunMaterialResource {

    @Inject
    RunMaterialService service;

    @POST
    @ResponseStatus(201)
    public MaterialView add(@PathParam("id") UUID runId, @Valid @NotNull AddMaterial request) {
        return service.add(runId, request);
    }

    @PATCH
    @Path("{mat_id}")
    public MaterialView update(@PathParam("id") UUID runId, @PathParam("mat_id") UUID materialId,
            @Valid @NotNull UpdateMaterial request) {
        return service.update(runId, materialId, request);
    }

    @DELETE
    @Path("{mat_id}")
    public void delete(@PathParam("id") UUID runId, @PathParam("mat_id") UUID materialId) {
        service.delete(runId, materialId);
    }
}
