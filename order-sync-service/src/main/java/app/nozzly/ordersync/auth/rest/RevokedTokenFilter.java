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

/** A token ended by /auth/logout is refused here (other services only check its signature and expiry). */
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
