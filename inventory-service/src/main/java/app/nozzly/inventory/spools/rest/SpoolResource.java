package app.nozzly.inventory.spools.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.common.ProblemResponses;
import app.nozzly.inventory.spools.SpoolStock;
import app.nozzly.inventory.spools.service.SpoolService;
import app.nozzly.platform.security.Roles;

/** Spools (module README): the spool object other services embed, weighings and archiving. */
@Path("/api/v1/spools")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class SpoolResource {

    @Inject
    SpoolService spools;

    @Inject
    JsonWebToken jwt;

    /** archived: false (default) hides archived spools, true shows only them, any shows all. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    public PageResult<SpoolApi.SpoolView> list(@QueryParam("spool_id") @Size(max = 40) String spoolCode,
            @QueryParam("material_type") @Size(max = 32) String materialType,
            @QueryParam("color") @Size(max = 100) String color, @QueryParam("brand") @Size(max = 100) String brand,
            @QueryParam("location") @Size(max = 100) String location, @QueryParam("low_stock") Boolean lowStock,
            @QueryParam("archived") @DefaultValue("false") ArchivedFilter archived, @BeanParam @Valid Paging paging) {
        PageResult<SpoolStock> found = spools.list(new SpoolService.Filter(spoolCode, materialType, color, brand,
                lowStock, archived.archived(), location), paging);
        return new PageResult<>(found.items().stream().map(SpoolMapper::view).toList(), found.total(), found.page(),
                found.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "the spool, its current weight received into stock",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SpoolApi.SpoolView.class)))
    @APIResponse(responseCode = "422", description = "material_type names no material type of the tenant",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                    schema = @Schema(ref = ProblemResponses.SCHEMA)))
    public SpoolApi.SpoolView create(@Valid @NotNull SpoolApi.CreateSpool request) {
        return SpoolMapper.view(spools.create(request, jwt.getName(), SpoolService.TypePolicy.EXISTING));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public SpoolApi.SpoolView get(@PathParam("id") UUID id) {
        return SpoolMapper.view(spools.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "the spool as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SpoolApi.SpoolView.class)))
    @APIResponse(responseCode = "422", description = "material_type names no material type of the tenant",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                    schema = @Schema(ref = ProblemResponses.SCHEMA)))
    public SpoolApi.SpoolView update(@PathParam("id") UUID id, @Valid @NotNull SpoolApi.UpdateSpool request) {
        return SpoolMapper.view(spools.update(id, request, SpoolService.TypePolicy.EXISTING));
    }

    /** Archives the spool: its ledger stays, so it is never physically deleted. */
    @DELETE
    @Path("/{id}")
    public void archive(@PathParam("id") UUID id) {
        spools.archive(id);
    }

    @POST
    @Path("/{id}/weighings")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "the weighing and the spool's weight after it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SpoolApi.WeighingView.class)))
    @APIResponse(responseCode = "422", description = "the spool has no tare, or the gross weight is below it",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                    schema = @Schema(ref = ProblemResponses.SCHEMA)))
    public SpoolApi.WeighingView weigh(@PathParam("id") UUID id, @Valid @NotNull SpoolApi.Weigh request) {
        return spools.weigh(id, request, jwt.getName());
    }
}
