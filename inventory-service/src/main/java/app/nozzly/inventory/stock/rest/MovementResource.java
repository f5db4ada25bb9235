package app.nozzly.inventory.stock.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.nozzly.inventory.stock.service.MovementService;

/** Atomic, idempotent stock movements for other services (module README, "API for other services"). */
@Path("/api/v1/inventory/movements")
public class MovementResource {

    @Inject
    MovementService movements;

    @Inject
    JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response move(MovementApi.MovementRequest request) {
        MovementService.Answer answer = movements.move(request, jwt.getName());
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }
}
