package app.nozzly.inventory.filaments.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import app.nozzly.inventory.common.Flags;
import app.nozzly.inventory.common.InventoryProblem;
import app.nozzly.inventory.common.ProblemMapper;
import app.nozzly.inventory.filaments.service.FilamentService;
import app.nozzly.inventory.spools.service.SpoolService;

/**
 * specs/002 "Filament Inventory" (/api/filaments), exactly as written, with that spec's error shape
 * {"error", "status"} (the mappers below apply to this resource only).
 */
@Path("/api/filaments")
@Produces(MediaType.APPLICATION_JSON)
public class FilamentResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    @Inject
    FilamentService filaments;

    @Inject
    SpoolService spools;

    @Inject
    JsonWebToken jwt;

    @GET
    public FilamentApi.FilamentList list(@QueryParam("material") String material, @QueryParam("color") String color,
            @QueryParam("low_stock") String lowStock, @QueryParam("limit") Integer limit,
            @QueryParam("offset") Integer offset) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        int from = offset == null ? 0 : offset;
        if (size < 1 || size > MAX_LIMIT || from < 0) {
            throw InventoryProblem.badRequest("limit must be between 1 and " + MAX_LIMIT
                    + " and offset 0 or more");
        }
        Boolean low = Flags.parse(lowStock, "low_stock");
        // low_stock=false means "not only low stock": the spec offers it as a switch, not a negation
        SpoolService.Slice slice = spools.list(new SpoolService.Filter(null, material, color, null,
                Boolean.TRUE.equals(low) ? Boolean.TRUE : null, Boolean.FALSE, null), from, size);
        return new FilamentApi.FilamentList(slice.items().stream().map(FilamentApi::view).toList(), slice.total(),
                size, from);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(FilamentApi.FilamentRequest request) {
        return Response.status(201).entity(FilamentApi.view(filaments.create(request, jwt.getName()))).build();
    }

    @GET
    @Path("/{id}")
    public FilamentApi.Filament get(@PathParam("id") String id) {
        return FilamentApi.view(filaments.get(parse(id)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FilamentApi.Filament update(@PathParam("id") String id, FilamentApi.FilamentRequest request) {
        return FilamentApi.view(filaments.update(parse(id), request, jwt.getName()));
    }

    @DELETE
    @Path("/{id}")
    public FilamentApi.Message delete(@PathParam("id") String id) {
        filaments.delete(parse(id));
        return new FilamentApi.Message("Filament deleted");
    }

    @ServerExceptionMapper
    public Response inventoryProblem(InventoryProblem problem) {
        return error(problem.status(), problem.getMessage());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return error(400, "Invalid JSON body: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        return error(e.getResponse().getStatus(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response persistence(jakarta.persistence.PersistenceException e) {
        if (ProblemMapper.isUniqueViolation(e)) {
            return error(409, "A filament with the same unique value already exists");
        }
        throw e;
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message, "status", status)).build();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InventoryProblem.notFound("Filament not found");
        }
    }
}
