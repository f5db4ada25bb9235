package app.nozzly.production.client;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import app.nozzly.production.client.InventoryModels.MovementRequest;
import app.nozzly.production.client.InventoryModels.ReservationAdjustment;
import app.nozzly.production.client.InventoryModels.ReservationRequest;

/**
 * inventory-service's API as production-service uses it (inventory-service README). Every call is safe to repeat
 * (reads, idempotency keys, idempotent release, absolute adjustments), so transport failures and timeouts are
 * retried; when most recent calls failed that way the circuit opens and calls fail at once for a while, instead of
 * every request waiting out its timeouts. Answers of inventory (4xx, 5xx) are read by {@link Inventory}, never
 * retried: they are inventory's decision.
 */
@RegisterRestClient(configKey = "inventory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Timeout(10_000)
@Retry(maxRetries = 2, delay = 300, retryOn = { ProcessingException.class, TimeoutException.class })
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, successThreshold = 2,
        failOn = { ProcessingException.class, TimeoutException.class })
interface InventoryApi {

    @GET
    @Path("/api/v1/spools/{id}")
    Response spool(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @GET
    @Path("/api/v1/models/{id}")
    Response model(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @GET
    @Path("/api/v1/models/by-sku/{sku}")
    Response modelBySku(@HeaderParam("Authorization") String authorization, @PathParam("sku") String sku);

    @GET
    @Path("/api/v1/products/{id}")
    Response product(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @GET
    @Path("/api/v1/materials/{id}")
    Response material(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @POST
    @Path("/api/v1/inventory/reservations")
    Response reserve(@HeaderParam("Authorization") String authorization, ReservationRequest request);

    @POST
    @Path("/api/v1/inventory/reservations/{id}/release")
    Response release(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @PATCH
    @Path("/api/v1/inventory/reservations/{id}")
    Response adjust(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
            ReservationAdjustment adjustment);

    @POST
    @Path("/api/v1/inventory/movements")
    Response move(@HeaderParam("Authorization") String authorization, MovementRequest request);
}
