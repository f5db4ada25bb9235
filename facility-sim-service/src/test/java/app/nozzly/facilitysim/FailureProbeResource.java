package app.nozzly.facilitysim;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import app.nozzly.platform.security.Roles;

/** Test-only endpoints: an unexpected failure, and one without a role annotation. */
@Path("/api/facility/test-probes")
public class FailureProbeResource {

    @GET
    @Path("broken")
    @RolesAllowed(Roles.VIEWER)
    public String broken() {
        throw new IllegalStateException("app.nozzly.facilitysim.Secret failed at line 42");
    }

    @GET
    @Path("unannotated")
    public String unannotated() {
        return "reached";
    }
}
