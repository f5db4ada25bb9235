package app.nozzly.platform.tenancy;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** A verified token that names no tenant cannot act on tenant data: 401 before any resource runs. */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class TenantClaimFilter implements ContainerRequestFilter {

    @Inject
    JsonWebToken jwt;

    @Override
    public void filter(ContainerRequestContext request) {
        if (jwt.getRawToken() != null && TenantContext.claimOf(jwt).isEmpty()) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .type(MediaType.APPLICATION_JSON)
                    .entity("{\"error\":\"token has no " + TenantContext.CLAIM + " claim\",\"status\":401}")
                    .build());
        }
    }
}
