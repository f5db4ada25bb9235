package app.nozzly.inventory.materials.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.materials.service.MaterialService;

/** Bulk raw materials (specs/001 recipe ingredients) with their lots. */
@Path("/api/v1/materials")
@Produces(MediaType.APPLICATION_JSON)
public class MaterialResource {

    @Inject
    MaterialService materials;

    @Inject
    JsonWebToken jwt;

    @GET
    public PageResult<MaterialApi.MaterialView> list(@QueryParam("code") String code, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return materials.list(code, Paging.of(page, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(MaterialApi.MaterialRequest request) {
        return Response.status(201).entity(materials.create(request, jwt.getName())).build();
    }

    @GET
    @Path("/{id}")
    public MaterialApi.MaterialView get(@PathParam("id") UUID id) {
        return materials.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MaterialApi.MaterialView update(@PathParam("id") UUID id, MaterialApi.MaterialRequest request) {
        return materials.update(id, request);
    }
}
