package app.nozzly.inventory.products.rest;

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
import app.nozzly.inventory.products.service.ProductService;

/** Formulated products (specs/001) with their finished stock and lots. */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    ProductService products;

    @Inject
    JsonWebToken jwt;

    @GET
    public PageResult<ProductApi.ProductView> list(@QueryParam("sku") String sku, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return products.list(sku, Paging.of(page, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ProductApi.ProductRequest request) {
        return Response.status(201).entity(products.create(request, jwt.getName())).build();
    }

    @GET
    @Path("/{id}")
    public ProductApi.ProductView get(@PathParam("id") UUID id) {
        return products.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProductApi.ProductView update(@PathParam("id") UUID id, ProductApi.ProductRequest request) {
        return products.update(id, request);
    }
}
