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

import app.nozzly.production.runs.RunRequests.AddItem;
import app.nozzly.production.runs.RunRequests.UpdateItem;
import app.nozzly.production.runs.RunViews.ItemView;
import app.nozzly.production.runs.service.RunItemService;

/** specs/000 "Production Run Items". */
@Path("/api/v1/production-runs/{id}/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunItemResource {

    @Inject
    RunItemService service;

    @POST
    public Response add(@PathParam("id") UUID runId, AddItem request) {
        return Response.status(Response.Status.CREATED).entity(service.add(runId, request)).build();
    }

    @PATCH
    @Path("{item_id}")
    public ItemView update(@PathParam("id") UUID runId, @PathParam("item_id") UUID itemId, UpdateItem request) {
        return service.update(runId, itemId, request);
    }

    @DELETE
    @Path("{item_id}")
    public Response delete(@PathParam("id") UUID runId, @PathParam("item_id") UUID itemId) {
        service.delete(runId, itemId);
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
