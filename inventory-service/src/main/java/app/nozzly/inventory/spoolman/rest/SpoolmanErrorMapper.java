package app.nozzly.inventory.spoolman.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import app.nozzly.inventory.spoolman.SpoolmanError;

/** Spoolman's API answers its refusals in its own body shapes (SpoolmanError). */
@Provider
public class SpoolmanErrorMapper implements ExceptionMapper<SpoolmanError> {

    @Override
    public Response toResponse(SpoolmanError error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON).entity(error.body()).build();
    }
}
