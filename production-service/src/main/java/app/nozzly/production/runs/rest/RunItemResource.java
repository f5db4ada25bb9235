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
import app.nozzly.production.runs.RunRequests.AddItem;
import app.nozzly.production.runs.RunRequests.UpdateItem;
import app.nozzly.production.runs.RunViews.ItemView;
import app.nozzly.production.runs.service.RunItemService;

/** specs/000 "Production Run Items": planning what an in-progress run prints is running production. */
@Path("/api/v1/production-runs/{id}/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class RunItemResource {

    @Inject
    RunItemService service;

    @POST
    @ResponseStatus(201)
    public ItemView add(@PathParam("id") UUID runId, @Valid @NotNull AddItem request) {
        return service.add(runId, request);
    }

    @PATCH
    @Path("{item_id}")
    public ItemView update(@PathParam("id") UUID runId, @PathParam("item_id") UUID itemId,
            @Valid @NotNull UpdateItem request) {
        return service.update(runId, itemId, request);
    }

    @DELETE
    @Path("{item_id}")
    public void delete(@PathParam("id") UUID runId, @PathParam("item_id") UUID itemId) {
        service.delete(runId, itemId);
    }
}
