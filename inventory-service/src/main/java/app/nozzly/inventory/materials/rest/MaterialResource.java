package app.nozzly.inventory.materials.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.materials.service.MaterialService;
import app.nozzly.platform.security.Roles;

/** Bulk raw materials (specs/001 recipe ingredients) with their lots; the tenant's catalogue. */
@Path("/api/v1/materials")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class MaterialResource {

    @Inject
    MaterialService materials;

    @Inject
    JsonWebToken jwt;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public PageResult<MaterialApi.MaterialView> list(@QueryParam("code") @Size(max = 64) String code,
            @BeanParam @Valid Paging paging) {
        return materials.list(code, paging);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public MaterialApi.MaterialView create(@Valid @NotNull MaterialApi.CreateMaterial request) {
        return materials.create(request, jwt.getName());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public MaterialApi.MaterialView get(@PathParam("id") UUID id) {
        return materials.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MaterialApi.MaterialView update(@PathParam("id") UUID id,
            @Valid @NotNull MaterialApi.UpdateMaterial request) {
        return materials.update(id, request);
    }
}
