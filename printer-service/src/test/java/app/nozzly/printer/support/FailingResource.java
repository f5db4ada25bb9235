package app.nozzly.printer.support;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.platform.security.Roles;

/** Test-only endpoints under each API's prefix that fail as a bug would, so the 500 of each family can be seen. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class FailingResource {

    @GET
    @Path("/v1/failing")
    public String specs003() {
        throw new IllegalStateException("app.nozzly.printer.Secret failed at line 42");
    }

    @GET
    @Path("/bambu/failing")
    public String specs002() {
        throw new IllegalStateException("app.nozzly.printer.Secret failed at line 42");
    }
}
