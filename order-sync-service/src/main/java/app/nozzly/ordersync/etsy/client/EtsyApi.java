package app.nozzly.ordersync.etsy.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import app.nozzly.ordersync.etsy.EtsyException;
import io.smallrye.faulttolerance.api.CustomBackoff;

/**
 * Etsy Open API v3 application calls as a connected shop, every one a read and safe to repeat. Each call spends
 * from the API key's budget first ({@link EtsyBudget}); Etsy's failures, its 429 and our own budget's refusal
 * are retried after the wait they ask for ({@link EtsyBackoff}); a failing Etsy opens the circuit for a while.
 */
@RegisterRestClient(configKey = "etsy")
@RegisterProvider(EtsyBudget.class)
@RegisterProvider(EtsyErrors.class)
@Produces(MediaType.APPLICATION_JSON)
@Timeout(20_000)
@Retry(maxRetries = 7, delay = 100, maxDuration = 180_000, jitter = 0, retryOn = { EtsyException.Unavailable.class,
        EtsyException.Throttled.class, jakarta.ws.rs.ProcessingException.class, TimeoutException.class })
@CustomBackoff(EtsyBackoff.class)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
        failOn = { EtsyException.Unavailable.class, jakarta.ws.rs.ProcessingException.class, TimeoutException.class })
interface EtsyApi {

    @GET
    @Path("/v3/application/users/me")
    EtsyModels.Self me(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer);

    @GET
    @Path("/v3/application/users/{user_id}")
    EtsyModels.User user(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("user_id") long userId);

    @GET
    @Path("/v3/application/shops/{shop_id}")
    EtsyModels.Shop shop(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("shop_id") long shopId);

    /** getShopReceipts; a null min_last_modified is left out of the query. */
    @GET
    @Path("/v3/application/shops/{shop_id}/receipts")
    EtsyModels.ReceiptPage receipts(@HeaderParam("x-api-key") String apiKey,
            @HeaderParam("Authorization") String bearer, @PathParam("shop_id") String shopId,
            @QueryParam("min_last_modified") Long minLastModified, @QueryParam("sort_on") String sortOn,
            @QueryParam("sort_order") String sortOrder, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);
}
