package app.nozzly.inventory.models.rest;

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

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.models.service.ModelService;
import app.nozzly.inventory.orderskus.service.OrderSkuService;

/** Models (printable products) with their finished-goods stock, and the skus that map them (issue 9 C2). */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    @Inject
    ModelService models;

    @Inject
    OrderSkuService orderSkus;

    @Inject
    JsonWebToken jwt;

    @GET
    public PageResult<ModelApi.ModelView> list(@QueryParam("sku") String sku, @QueryParam("q") String q,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return models.list(sku, q, Paging.of(page, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ModelApi.ModelRequest request) {
        return Response.status(201).entity(models.create(request, jwt.getName())).build();
    }

    @GET
    @Path("/{id}")
    public ModelApi.ModelView get(@PathParam("id") UUID id) {
        return models.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModelApi.ModelView update(@PathParam("id") UUID id, ModelApi.ModelRequest request) {
        return models.update(id, request);
    }

    @GET
    @Path("/by-sku/{sku}")
    public ModelApi.ModelView bySku(@PathParam("sku") String sku) {
        return models.bySku(sku);
    }

    @GET
    @Path("/unmapped-skus")
    public PageResult<ModelApi.UnmappedSku> unmappedSkus(@QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return orderSkus.unmapped(Paging.of(page, size));
    }

    @POST
    @Path("/{id}/skus")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addSku(@PathParam("id") UUID id, ModelApi.SkuRequest request) {
        return Response.status(201).entity(models.addSku(id, request)).build();
    }

    @DELETE
    @Path("/{id}/skus/{sku}")
    public Response removeSku(@PathParam("id") UUID id, @PathParam("sku") String sku) {
        models.removeSku(id, sku);
        return Response.noContent().build();
    }
}
