package app.nozzly.platform.tenancy;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.nozzly.platform.errors.ErrorCodes;
import app.nozzly.platform.errors.ErrorResponses;

/** A verified token that names no tenant cannot act on tenant data: 401 before any resource runs. */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class TenantClaimFilter implements ContainerRequestFilter {

    @Inject
    JsonWebToken jwt;

    @Inject
    ErrorResponses errors;

    @Override
    public void filter(ContainerRequestContext request) {
        if (jwt.getRawToken() != null && TenantContext.claimOf(jwt).isEmpty()) {
            request.abortWith(Response.fromResponse(errors.render(request.getUriInfo().getPath(), 401,
                    ErrorCodes.UNAUTHORIZED, "the token has no " + TenantContext.CLAIM + " claim", java.util.Map.of()))
                    .header("WWW-Authenticate", "Bearer").build());
        }
    }
}
