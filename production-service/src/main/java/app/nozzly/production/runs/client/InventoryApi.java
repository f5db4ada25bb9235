package app.nozzly.production.runs.client;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import app.nozzly.production.runs.client.InventoryModels.MovementRequest;
import app.nozzly.production.runs.client.InventoryModels.ReservationAdjustment;
import app.nozzly.production.runs.client.InventoryModels.ReservationRequest;

/**
 * inventory-service's API as production runs use it. Every call is safe to repeat (reads, idempotency keys,
 * idempotent release, absolute adjustments), so transport failures and timeouts are retried.
 */
@RegisterRestClient(configKey = "inventory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Timeout(10_000)
@Retry(maxRetries = 2, delay = 300, retryOn = { jakarta.ws.rs.ProcessingException.class,
        org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class })
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
