package app.nozzly.ordersync.etsy.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
 * Etsy's OAuth token endpoint (POST /v3/public/oauth/token, form encoded): outside the application budget,
 * retried like {@link EtsyApi} through its occasional 500, a 429 and a lost connection.
 */
@RegisterRestClient(configKey = "etsy-oauth")
@RegisterProvider(EtsyErrors.class)
@Path("/v3/public/oauth/token")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
@Timeout(20_000)
@Retry(maxRetries = 7, delay = 100, maxDuration = 180_000, jitter = 0, retryOn = { EtsyException.Unavailable.class,
        EtsyException.Throttled.class, jakarta.ws.rs.ProcessingException.class, TimeoutException.class })
@CustomBackoff(EtsyBackoff.class)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
        failOn = { EtsyException.Unavailable.class, jakarta.ws.rs.ProcessingException.class, TimeoutException.class })
interface EtsyOAuthApi {

    @POST
    EtsyModels.Tokens authorizationCode(@HeaderParam("x-api-key") String apiKey,
            @FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("redirect_uri") String redirectUri, @FormParam("code") String code,
            @FormParam("code_verifier") String codeVerifier);

    @POST
    EtsyModels.Tokens refreshToken(@HeaderParam("x-api-key") String apiKey, @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId, @FormParam("refresh_token") String refreshToken);
}
