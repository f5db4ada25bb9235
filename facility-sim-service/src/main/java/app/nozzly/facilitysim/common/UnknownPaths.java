package app.nozzly.facilitysim.common;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.Authenticated;

/**
 * A path of the API that names nothing needs a valid token like every other (401), and then answers 404 in the
 * specs/004 envelope: no caller learns which paths exist without one.
 */
@Path("/api")
@Authenticated
public class UnknownPaths {

    @GET
    @Path("{path: .*}")
    @Operation(hidden = true)
    public void get(@PathParam("path") String path) {
        throw nothingAt(path);
    }

    @POST
    @Path("{path: .*}")
    @Operation(hidden = true)
    public void post(@PathParam("path") String path) {
        throw nothingAt(path);
    }

    @PUT
    @Path("{path: .*}")
    @Operation(hidden = true)
    public void put(@PathParam("path") String path) {
        throw nothingAt(path);
    }

    @PATCH
    @Path("{path: .*}")
    @Operation(hidden = true)
    public void patch(@PathParam("path") String path) {
        throw nothingAt(path);
    }

    @DELETE
    @Path("{path: .*}")
    @Operation(hidden = true)
    public void delete(@PathParam("path") String path) {
        throw nothingAt(path);
    }

    private static FacilityException nothingAt(String path) {
        return FacilityException.notFound(BusinessCode.NOT_FOUND, "/api/" + path);
    }
}
