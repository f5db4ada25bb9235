package app.nozzly.printer.system.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.nozzly.printer.system.api.SystemApi.Health;
import app.nozzly.printer.system.service.SystemService;

/** specs/003 GET /health: 200 while the database answers, else 503. */
@Path("/api/v1/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    SystemService system;

    @GET
    public Response health() {
        Health health = system.health();
        return Response.status("healthy".equals(health.status()) ? 200 : 503).entity(health).build();
    }
}
