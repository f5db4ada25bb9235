package app.nozzly.inventory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.platform.security.Roles;

/** Test-only endpoints that fail as a bug would, one under each API family's paths, for ErrorResponsesTest. */
final class FailingResources {

    static final String SECRET = "app.nozzly.inventory.Internal failed at line 42";

    private FailingResources() {
    }

    @Path("/api/v1/inventory/failing")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    public static class V1 {

        @GET
        public String fail() {
            throw new IllegalStateException(SECRET);
        }
    }

    @Path("/api/filaments/failing")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    public static class Filaments002 {

        @GET
        public String fail() {
            throw new IllegalStateException(SECRET);
        }
    }
}
