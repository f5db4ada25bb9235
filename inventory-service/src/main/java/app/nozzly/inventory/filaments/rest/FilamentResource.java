package app.nozzly.inventory.filaments.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.inventory.filaments.service.FilamentService;
import app.nozzly.inventory.spools.service.SpoolService;
import app.nozzly.platform.security.Roles;

/**
 * specs/002 "Filament Inventory" (/api/filaments), exactly as written; its errors are that spec's
 * {"error", "status"} (the message-status family, application.properties).
 */
@Path("/api/filaments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class FilamentResource {

    private static final int MAX_LIMIT = 500;
    private static final int MAX_OFFSET = 1_000_000_000;

    @Inject
    FilamentService filaments;

    @Inject
    SpoolService spools;

    @Inject
    JsonWebToken jwt;

    /** limit and offset follow the spec's general pagination section. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    public FilamentApi.FilamentList list(@QueryParam("material") @Size(max = 32) String material,
            @QueryParam("color") @Size(max = 100) String color, @QueryParam("low_stock") Boolean lowStock,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_LIMIT) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(MAX_OFFSET) int offset) {
        // low_stock=false means "not only low stock": the spec offers it as a switch, not a negation
        SpoolService.Slice slice = spools.list(new SpoolService.Filter(null, material, color, null,
                Boolean.TRUE.equals(lowStock) ? Boolean.TRUE : null, Boolean.FALSE, null), offset, limit);
        return FilamentApi.FilamentList.of(slice.items().stream().map(FilamentApi::view).toList(), slice.total(),
                limit, offset);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public FilamentApi.Filament create(@Valid @NotNull FilamentApi.FilamentRequest request) {
        return FilamentApi.view(filaments.create(request, jwt.getName()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public FilamentApi.Filament get(@PathParam("id") UUID id) {
        return FilamentApi.view(filaments.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FilamentApi.Filament update(@PathParam("id") UUID id, @Valid @NotNull FilamentApi.FilamentRequest request) {
        return FilamentApi.view(filaments.update(id, request, jwt.getName()));
    }

    @DELETE
    @Path("/{id}")
    public FilamentApi.Message delete(@PathParam("id") UUID id) {
        filaments.delete(id);
        return new FilamentApi.Message("Filament deleted");
    }
}
