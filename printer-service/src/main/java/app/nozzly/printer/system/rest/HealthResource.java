package app.nozzly.printer.system.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import app.nozzly.platform.security.Roles;
import app.nozzly.printer.system.api.SystemApi.Health;
import app.nozzly.printer.system.service.SystemService;

/** specs/003 GET /health: 200 while the database answers, else 503, both with the health body. */
@Path("/api/v1/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    SystemService system;

    @GET
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "200", description = "healthy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Health.class)))
    @APIResponse(responseCode = "503", description = "the database does not answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Health.class)))
    public Response health() {
        Health health = system.health();
        return Response.status("healthy".equals(health.status()) ? 200 : 503).entity(health).build();
    }
}
