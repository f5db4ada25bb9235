package app.nozzly.ordersync.etsy.client;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import app.nozzly.ordersync.config.EtsyConfig;
import app.nozzly.ordersync.etsy.EtsyException;

/**
 * Etsy Open API v3 as order-sync uses it: {@code x-api-key KEYSTRING:SHARED_SECRET} on every call, the OAuth
 * token endpoint and the reads of a signed-in seller. Whatever goes wrong ends as an {@link EtsyException}
 * naming the call and the shop (or the signing-in seller) it was for.
 */
@ApplicationScoped
public class Etsy {

    @Inject
    @RestClient
    EtsyApi api;

    @Inject
    @RestClient
    EtsyOAuthApi oauth;

    @Inject
    EtsyConfig config;

    /** Sign-in: the authorization code and the PKCE verifier that proves we asked for it. */
    public EtsyModels.Tokens exchangeCode(String code, String codeVerifier) {
        return call(() -> oauth.authorizationCode(apiKey(), "authorization_code", config.keystring(),
                config.redirectUri(), code, codeVerifier), "exchanging the sign-in's authorization code");
    }

    /** New tokens for a shop; Etsy rotates the refresh token, so the answer's must be stored. */
    public EtsyModels.Tokens refresh(String shopId, String refreshToken) {
        return call(() -> oauth.refreshToken(apiKey(), "refresh_token", config.keystring(), refreshToken),
                "refreshing the access token of shop " + shopId);
    }

    public EtsyModels.Self me(String accessToken) {
        return call(() -> api.me(apiKey(), bearer(accessToken)), "reading the signing-in seller (users/me)");
    }

    public EtsyModels.User user(String accessToken, long userId) {
        return call(() -> api.user(apiKey(), bearer(accessToken), userId), "reading Etsy user " + userId);
    }

    public EtsyModels.Shop shop(String accessToken, long shopId) {
        return call(() -> api.shop(apiKey(), bearer(accessToken), shopId), "reading shop " + shopId);
    }

    /** getShopReceipts by last change, oldest first; no cursor reads from the shop's first receipt. */
    public EtsyModels.ReceiptPage receipts(String shopId, String accessToken, Long minLastModified, int offset,
            int limit) {
        return call(() -> api.receipts(apiKey(), bearer(accessToken), shopId, minLastModified, "updated", "asc",
                limit, offset), "reading receipts of shop " + shopId + " (min_last_modified " + minLastModified
                        + ", offset " + offset + ")");
    }

    private <T> T call(Supplier<T> call, String what) {
        try {
            return call.get();
        } catch (EtsyException e) {
            throw e.during(what);
        } catch (WebApplicationException e) {
            throw new EtsyException(e.getResponse().getStatus(), what + ": Etsy answered "
                    + e.getResponse().getStatus(), e);
        } catch (CircuitBreakerOpenException e) {
            throw new EtsyException(503, what + ": Etsy failed too often just now; calls to it pause for a while", e);
        } catch (ProcessingException | FaultToleranceException e) {
            throw new EtsyException(0, what + ": Etsy could not be reached or did not answer in time ("
                    + e.getMessage() + ")", e);
        }
    }

    private String apiKey() {
        return config.keystring() + ":" + config.sharedSecret();
    }

    private static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }
}
