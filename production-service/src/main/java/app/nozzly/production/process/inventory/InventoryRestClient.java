package app.nozzly.production.process.inventory;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import app.nozzly.production.process.inventory.InventoryApi.MovementRequest;

/** The part of inventory-service's agreed API that process batches use; answers are read by {@link Inventory}. */
@RegisterRestClient(configKey = "inventory")
@RegisterClientHeaders(PropagateAuthorization.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface InventoryRestClient {

    @GET
    @Path("/api/v1/products/{id}")
    Response product(@PathParam("id") String id);

    @GET
    @Path("/api/v1/materials/{id}")
    Response material(@PathParam("id") String id);

    @POST
    @Path("/api/v1/inventory/movements")
    Response move(MovementRequest request);
}
