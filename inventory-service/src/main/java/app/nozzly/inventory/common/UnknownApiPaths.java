package app.nozzly.inventory.common;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.Authenticated;

/**
 * A path under /api that no endpoint serves answers like the others: 401 in the API's error family without a valid
 * token, 404 with one. Authentication happens inside JAX-RS (platform-commons), so without this resource such a
 * path would answer 404 to anyone; an HTTP permission would answer 401 without the family's body.
 */
@Path("/api/{path: .*}")
@Authenticated
public class UnknownApiPaths {

    @GET
    @Operation(hidden = true)
    public void get() {
        throw new NotFoundException();
    }

    @POST
    @Operation(hidden = true)
    public void post() {
        throw new NotFoundException();
    }

    @PUT
    @Operation(hidden = true)
    public void put() {
        throw new NotFoundException();
    }

    @PATCH
    @Operation(hidden = true)
    public void patch() {
        throw new NotFoundException();
    }

    @DELETE
    @Operation(hidden = true)
    public void delete() {
        throw new NotFoundException();
    }
}
