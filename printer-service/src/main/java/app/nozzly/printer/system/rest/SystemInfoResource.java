package app.nozzly.printer.system.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.platform.security.Roles;
import app.nozzly.printer.system.api.SystemApi.Info;
import app.nozzly.printer.system.service.SystemService;

/** specs/003 GET /system/info. */
@Path("/api/v1/system")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class SystemInfoResource {

    @Inject
    SystemService system;

    @GET
    @Path("/info")
    public Info info() {
        return system.info();
    }
}
