package app.nozzly.production.runs.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/**
 * order-sync-service's specs/002 order detail, as runs for orders read it (a read: safe to retry; the circuit opens
 * when most recent calls could not reach it, as for inventory-service).
 */
@RegisterRestClient(configKey = "order-sync")
@Produces(MediaType.APPLICATION_JSON)
@Timeout(10_000)
@Retry(maxRetries = 2, delay = 300, retryOn = { ProcessingException.class, TimeoutException.class })
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, successThreshold = 2,
        failOn = { ProcessingException.class, TimeoutException.class })
interface OrderSyncApi {

    @GET
    @Path("/api/orders/{id}")
    Response order(@HeaderParam("Authorization") String authorization, @PathParam("id") long id);
}
