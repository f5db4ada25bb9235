package app.nozzly.production;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import app.nozzly.platform.security.Roles;

/** Endpoints of the test application that fail as a bug would, one in each API, to prove what a 500 answers. */
final class BrokenEndpoints {

    private BrokenEndpoints() {
    }

    @Path("/api/v1/production-runs/broken")
    @RolesAllowed(Roles.VIEWER)
    public static class Runs {

        @GET
        public String fail() {
            throw new IllegalStateException("app.nozzly.production.Secret failed at line 42");
        }
    }

    @Path("/api/v1/production/broken")
    @RolesAllowed(Roles.VIEWER)
    public static class Process {

        @GET
        public String fail() {
            throw new IllegalStateException("app.nozzly.production.Secret failed at line 42");
        }
    }
}
