package app.nozzly.inventory.stock.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import app.nozzly.inventory.common.ProblemResponses;
import app.nozzly.inventory.common.idempotency.IdempotencyStore;
import app.nozzly.inventory.stock.service.MovementService;
import app.nozzly.platform.security.Roles;

/** Atomic, idempotent stock movements for other services (module README, "Movements"). */
@Path("/api/v1/inventory/movements")
public class MovementResource {

    @Inject
    MovementService movements;

    @Inject
    JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "201", description = "the movement, every line applied",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovementApi.MovementView.class)))
    @APIResponse(responseCode = "200", description = "the first answer given for this idempotency_key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovementApi.MovementView.class)))
    @APIResponse(responseCode = "422", description = "the idempotency_key was used for another request, a unit of"
            + " another dimension, a fraction of whole units or a reservation of another item",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                    schema = @Schema(ref = ProblemResponses.SCHEMA)))
    public Response move(@Valid @NotNull MovementApi.MovementRequest request) {
        IdempotencyStore.Answer answer = movements.move(request, jwt.getName());
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }
}
