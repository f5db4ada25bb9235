package app.nozzly.printer.materials.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.platform.security.Roles;
import app.nozzly.printer.materials.api.MaterialApi.Material;
import app.nozzly.printer.materials.api.MaterialApi.MaterialChange;
import app.nozzly.printer.materials.mapping.MaterialMapper;
import app.nozzly.printer.materials.service.MaterialService;

/**
 * specs/002 AMS Materials (/api/bambu/materials); the list pages with limit and offset. Viewers read, operators
 * record what is loaded (remaining, vendor, price).
 */
@Path("/api/bambu/materials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MaterialResource {

    @Inject
    MaterialService materials;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<Material> list(@QueryParam("printer_id") String printerId,
            @QueryParam("limit") @Min(1) @Max(100) Integer limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) Integer offset) {
        return materials.page(printerId, offset, limit).stream().map(MaterialMapper::toApi).toList();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    public Material update(@PathParam("id") long id, @Valid @NotNull MaterialChange change) {
        return MaterialMapper.toApi(materials.update(id, change));
    }
}
