package app.nozzly.ordersync.auth.rest;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.nozzly.ordersync.auth.service.AuthService;
import app.nozzly.platform.errors.ErrorCodes;
import app.nozzly.platform.errors.ErrorResponses;

/**
 * A token ended by /auth/logout is refused at once by every replica of this service (the revocation is in
 * Postgres). Other services refuse it once platform-commons TokenRevocations has read auth.token.revoked, which
 * the outbox relays seconds later; this service needs no such wait (specs/002 POST /auth/logout).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class RevokedTokenFilter implements ContainerRequestFilter {

    @Inject
    JsonWebToken jwt;

    @Inject
    AuthService auth;

    @Inject
    ErrorResponses errors;

    @Override
    public void filter(ContainerRequestContext request) {
        String jti = jwt.getRawToken() == null ? null : jwt.getTokenID();
        if (jti != null && auth.revoked(jti)) {
            request.abortWith(Response.fromResponse(errors.render(request.getUriInfo().getPath(), 401,
                    ErrorCodes.UNAUTHORIZED, "this token was revoked by logout: sign in again", Map.of()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
        }
    }
}
