package app.nozzly.inventory.materialtypes.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.nozzly.inventory.common.InventoryProblem;
import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.materialtypes.service.MaterialTypeService;

/** Material types (PLA, PETG, ...): code, name, density, typical temperatures. */
@Path("/api/v1/material-types")
@Produces(MediaType.APPLICATION_JSON)
public class MaterialTypeResource {

    @Inject
    MaterialTypeService types;

    @GET
    public PageResult<MaterialTypeApi.MaterialTypeView> list(@QueryParam("code") String code,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return types.list(code, Paging.of(page, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(MaterialTypeApi.MaterialTypeRequest request) {
        return Response.status(201).entity(types.create(request)).build();
    }

    @GET
    @Path("/{id}")
    public MaterialTypeApi.MaterialTypeView get(@PathParam("id") UUID id) {
        return types.find(id).orElseThrow(() -> InventoryProblem.notFound("material type " + id + " not found"));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MaterialTypeApi.MaterialTypeView update(@PathParam("id") UUID id, MaterialTypeApi.MaterialTypeRequest request) {
        return types.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        types.delete(id);
        return Response.noContent().build();
    }
}
