package app.nozzly.production.support;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import app.nozzly.platform.errors.ErrorCodes;
import app.nozzly.platform.errors.ErrorResponses;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * No path under /api/ answers without a valid token, not even one no resource serves: authentication happens inside
 * JAX-RS, where such a path would otherwise answer 404 to anyone. No token answers 401 in the path's error family;
 * an invalid one fails authentication, which platform-commons answers with 401 too.
 */
public class TokenRequired {

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    ErrorResponses errors;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> requireToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> identity.isAnonymous()
                ? Response.fromResponse(errors.render(path, 401, ErrorCodes.UNAUTHORIZED,
                        "a valid bearer token is required", Map.of())).header("WWW-Authenticate", "Bearer").build()
                : null);
    }
}
