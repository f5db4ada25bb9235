package app.nozzly.ordersync.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import app.nozzly.platform.errors.PlatformExceptionMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * A path under /api that no endpoint serves answers what an endpoint would answer the same caller: 401 without a
 * valid token, 404 with one, so a stranger learns nothing of which paths exist (platform-testing ServiceContract).
 * Authentication is lazy (platform-commons): a request no endpoint matches was never authenticated, so it is here.
 */
public class UnknownPaths {

    /** Ahead of platform-commons' mappers (4900), whose answers it then gives. */
    private static final int PRIORITY = 4_800;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    PlatformExceptionMappers platform;

    @ServerExceptionMapper(priority = PRIORITY)
    public Uni<Response> notFound(NotFoundException e, UriInfo uri) {
        // a cause is a parameter JAX-RS could not convert: a matched endpoint, whose roles were already checked
        if (e.getCause() != null || !uri.getPath().startsWith("/api/")) {
            return Uni.createFrom().item(platform.web(e, uri));
        }
        return identities.getDeferredIdentity()
                .map(identity -> identity.isAnonymous() ? platform.unauthenticated(new UnauthorizedException(), uri)
                        : platform.web(e, uri))
                .onFailure(AuthenticationFailedException.class)
                .recoverWithItem(failure -> platform.authenticationFailed(failure, uri));
    }
}
