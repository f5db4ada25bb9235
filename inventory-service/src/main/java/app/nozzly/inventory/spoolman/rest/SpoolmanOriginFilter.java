package app.nozzly.inventory.spoolman.rest;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import app.nozzly.inventory.spoolman.SameOrigin;

/** A browser's write to Spoolman's API from a page of another origin is refused (403) before anything runs. */
@Provider
public class SpoolmanOriginFilter implements ContainerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/spoolman/") || !WRITES.contains(request.getMethod())) {
            return;
        }
        if (!SameOrigin.trusted(request.getHeaderString("Origin"), request.getHeaderString("Host"),
                request.getHeaderString("X-Forwarded-Host"))) {
            request.abortWith(Response.status(403).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("message", "Cross-origin request refused.")).build());
        }
    }
}
