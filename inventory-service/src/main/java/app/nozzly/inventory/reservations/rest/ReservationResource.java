package app.nozzly.inventory.reservations.rest;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import app.nozzly.inventory.common.CauseType;
import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.common.ProblemResponses;
import app.nozzly.inventory.common.idempotency.IdempotencyStore;
import app.nozzly.inventory.reservations.service.ReservationService;
import app.nozzly.platform.security.Roles;

/** Reservations of spool grams for production runs (module README, "Reservations"). */
@Path("/api/v1/inventory/reservations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class ReservationResource {

    @Inject
    ReservationService reservations;

    @Inject
    JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the reservation, active",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReservationApi.ReservationView.class)))
    @APIResponse(responseCode = "200", description = "the first answer given for this idempotency_key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReservationApi.ReservationView.class)))
    @APIResponse(responseCode = "422", description = "the idempotency_key was used for another request",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                    schema = @Schema(ref = ProblemResponses.SCHEMA)))
    public Response reserve(@Valid @NotNull ReservationApi.CreateReservation request) {
        IdempotencyStore.Answer answer = reservations.reserve(request, jwt.getName());
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public PageResult<ReservationApi.ReservationView> list(@QueryParam("spool_id") UUID spoolId,
            @QueryParam("status") ReservationApi.ReservationStatus status,
            @QueryParam("cause_type") CauseType causeType,
            @QueryParam("cause_id") @Size(max = 100) String causeId, @BeanParam @Valid Paging paging) {
        return reservations.list(spoolId, status, causeType, causeId, paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public ReservationApi.ReservationView get(@PathParam("id") UUID id) {
        return reservations.get(id);
    }

    @POST
    @Path("/{id}/release")
    public ReservationApi.ReservationView release(@PathParam("id") UUID id) {
        return reservations.release(id, jwt.getName());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReservationApi.ReservationView adjust(@PathParam("id") UUID id,
            @Valid @NotNull ReservationApi.AdjustReservation request) {
        return reservations.adjust(id, request.grams(), jwt.getName());
    }
}
