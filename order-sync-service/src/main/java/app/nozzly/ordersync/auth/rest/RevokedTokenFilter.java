package app.nozzly.ordersync.auth.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.nozzly.ordersync.auth.service.AuthService;
import app.nozzly.ordersync.common.ApiExceptionMappers;

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

    @Override
    public void filter(ContainerRequestContext request) {
        String jti = jwt.getRawToken() == null ? null : jwt.getTokenID();
        if (jti != null && auth.revoked(jti)) {
            request.abortWith(ApiExceptionMappers.error(401, "this token was revoked by logout: sign in again"));
        }
    }
}
