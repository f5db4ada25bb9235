package app.nozzly.inventory.spools.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.nozzly.inventory.common.Flags;
import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.spools.SpoolStock;
import app.nozzly.inventory.spools.service.SpoolService;

/** Spools (module README): the spool object other services embed, weighings and archiving. */
@Path("/api/v1/spools")
@Produces(MediaType.APPLICATION_JSON)
public class SpoolResource {

    @Inject
    SpoolService spools;

    @Inject
    JsonWebToken jwt;

    /** archived: false (default) hides archived spools, true shows only them, any shows all. */
    @GET
    public PageResult<SpoolApi.SpoolView> list(@QueryParam("spool_id") String spoolCode,
            @QueryParam("material_type") String materialType,
            @QueryParam("color") String color, @QueryParam("brand") String brand,
            @QueryParam("location") String location, @QueryParam("low_stock") String lowStock,
            @QueryParam("archived") String archived, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        Boolean archivedFilter = "any".equalsIgnoreCase(archived) ? null
                : archived == null || archived.isBlank() ? Boolean.FALSE : Flags.parse(archived, "archived");
        PageResult<SpoolStock> found = spools.list(new SpoolService.Filter(spoolCode, materialType, color, brand,
                Flags.parse(lowStock, "low_stock"), archivedFilter, location), Paging.of(page, size));
        return new PageResult<>(found.items().stream().map(SpoolMapper::view).toList(), found.total(), found.page(),
                found.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(SpoolApi.CreateSpool request) {
        return Response.status(201)
                .entity(SpoolMapper.view(spools.create(request, jwt.getName(), SpoolService.TypePolicy.EXISTING)))
                .build();
    }

    @GET
    @Path("/{id}")
    public SpoolApi.SpoolView get(@PathParam("id") UUID id) {
        return SpoolMapper.view(spools.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SpoolApi.SpoolView update(@PathParam("id") UUID id, SpoolApi.UpdateSpool request) {
        return SpoolMapper.view(spools.update(id, request, SpoolService.TypePolicy.EXISTING));
    }

    /** Archives the spool: its ledger stays, so it is never physically deleted. */
    @DELETE
    @Path("/{id}")
    public Response archive(@PathParam("id") UUID id) {
        spools.archive(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/weighings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response weigh(@PathParam("id") UUID id, SpoolApi.Weigh request) {
        return Response.status(201).entity(spools.weigh(id, request, jwt.getName())).build();
    }
}
