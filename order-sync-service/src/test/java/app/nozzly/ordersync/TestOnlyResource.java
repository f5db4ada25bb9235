package app.nozzly.ordersync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.platform.security.Roles;

/**
 * Endpoints that exist only in the tests' application: one whose role annotation was forgotten (it must deny), and
 * one that fails as a bug would (it must answer specs/002's error body with a request id and no internals).
 */
@Path("/api/test-only")
@Produces(MediaType.APPLICATION_JSON)
public class TestOnlyResource {

    public record Reached(String reached) {
    }

    @GET
    @Path("/unannotated")
    public Reached unannotated() {
        return new Reached("yes");
    }

    @GET
    @Path("/broken")
    @RolesAllowed(Roles.VIEWER)
    public Reached broken() {
        throw new IllegalStateException("app.nozzly.secret.Internal failed at line 42");
    }
}
