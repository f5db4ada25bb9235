package app.nozzly.inventory.models.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.models.service.ModelService;
import app.nozzly.inventory.orderskus.service.OrderSkuService;
import app.nozzly.platform.security.Roles;

/**
 * Models (printable products) with their finished-goods stock, and the skus that map them (module README, "Skus of
 * models"); the tenant's catalogue.
 */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ModelResource {

    @Inject
    ModelService models;

    @Inject
    OrderSkuService orderSkus;

    @Inject
    JsonWebToken jwt;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public PageResult<ModelApi.ModelView> list(@QueryParam("sku") @Size(max = 64) String sku,
            @QueryParam("q") @Size(max = 200) String q, @BeanParam @Valid Paging paging) {
        return models.list(sku, q, paging);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public ModelApi.ModelView create(@Valid @NotNull ModelApi.CreateModel request) {
        return models.create(request, jwt.getName());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public ModelApi.ModelView get(@PathParam("id") UUID id) {
        return models.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModelApi.ModelView update(@PathParam("id") UUID id, @Valid @NotNull ModelApi.UpdateModel request) {
        return models.update(id, request);
    }

    @GET
    @Path("/by-sku/{sku}")
    @RolesAllowed(Roles.VIEWER)
    public ModelApi.ModelView bySku(@PathParam("sku") @Size(max = ModelApi.MAX_SKU) String sku) {
        return models.bySku(sku);
    }

    @GET
    @Path("/unmapped-skus")
    @RolesAllowed(Roles.VIEWER)
    public PageResult<ModelApi.UnmappedSku> unmappedSkus(@BeanParam @Valid Paging paging) {
        return orderSkus.unmapped(paging);
    }

    @POST
    @Path("/{id}/skus")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public ModelApi.ModelView addSku(@PathParam("id") UUID id, @Valid @NotNull ModelApi.SkuRequest request) {
        return models.addSku(id, request);
    }

    @DELETE
    @Path("/{id}/skus/{sku}")
    public void removeSku(@PathParam("id") UUID id, @PathParam("sku") @Size(max = ModelApi.MAX_SKU) String sku) {
        models.removeSku(id, sku);
    }
}
