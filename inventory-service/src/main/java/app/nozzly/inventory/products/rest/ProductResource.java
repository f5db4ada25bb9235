package app.nozzly.inventory.products.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.common.ProblemResponses;
import app.nozzly.inventory.products.service.ProductService;
import app.nozzly.platform.security.Roles;

/** Formulated products (specs/001) with their finished stock and lots; the tenant's catalogue. */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ProductResource {

    @Inject
    ProductService products;

    @Inject
    JsonWebToken jwt;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public PageResult<ProductApi.ProductView> list(@QueryParam("sku") @Size(max = 64) String sku,
            @BeanParam @Valid Paging paging) {
        return products.list(sku, paging);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "the product, its lots received into stock",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductApi.ProductView.class)))
    @APIResponse(responseCode = "422", description = "a lot of a product counted in units is not a whole number",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                    schema = @Schema(ref = ProblemResponses.SCHEMA)))
    public ProductApi.ProductView create(@Valid @NotNull ProductApi.CreateProduct request) {
        return products.create(request, jwt.getName());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public ProductApi.ProductView get(@PathParam("id") UUID id) {
        return products.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProductApi.ProductView update(@PathParam("id") UUID id, @Valid @NotNull ProductApi.UpdateProduct request) {
        return products.update(id, request);
    }
}
