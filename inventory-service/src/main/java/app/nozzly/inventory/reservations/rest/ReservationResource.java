package app.nozzly.inventory.reservations.rest;

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

import app.nozzly.inventory.common.Ids;
import app.nozzly.inventory.common.InventoryProblem;
import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.reservations.service.ReservationService;

/** Reservations of spool grams for production runs (module README, "API for other services"). */
@Path("/api/v1/inventory/reservations")
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {

    @Inject
    ReservationService reservations;

    @Inject
    JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reserve(ReservationApi.CreateReservation request) {
        ReservationService.Answer answer = reservations.reserve(request, jwt.getName());
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }

    @GET
    public PageResult<ReservationApi.ReservationView> list(@QueryParam("spool_id") String spoolId,
            @QueryParam("status") String status, @QueryParam("cause_type") String causeType,
            @QueryParam("cause_id") String causeId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return reservations.list(Ids.parseOptional(spoolId, "spool_id"), status, causeType, causeId,
                Paging.of(page, size));
    }

    @GET
    @Path("/{id}")
    public ReservationApi.ReservationView get(@PathParam("id") UUID id) {
        return reservations.find(id)
                .orElseThrow(() -> InventoryProblem.notFound("reservation " + id + " not found"));
    }

    @POST
    @Path("/{id}/release")
    public ReservationApi.ReservationView release(@PathParam("id") UUID id) {
        return reservations.release(id, jwt.getName());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReservationApi.ReservationView adjust(@PathParam("id") UUID id, ReservationApi.AdjustReservation request) {
        if (request == null) {
            throw InventoryProblem.badRequest("a JSON body with grams is required");
        }
        return reservations.adjust(id, request.grams(), jwt.getName());
    }
}
