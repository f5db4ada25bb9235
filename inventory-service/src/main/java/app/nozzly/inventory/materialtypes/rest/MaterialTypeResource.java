package app.nozzly.inventory.materialtypes.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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

import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.materialtypes.service.MaterialTypeService;
import app.nozzly.platform.security.Roles;

/** Material types (PLA, PETG, ...): code, name, density, typical temperatures; the tenant's catalogue. */
@Path("/api/v1/material-types")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class MaterialTypeResource {

    @Inject
    MaterialTypeService types;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public PageResult<MaterialTypeApi.MaterialTypeView> list(@QueryParam("code") @Size(max = 32) String code,
            @BeanParam @Valid Paging paging) {
        return types.list(code, paging);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public MaterialTypeApi.MaterialTypeView create(@Valid @NotNull MaterialTypeApi.CreateMaterialType request) {
        return types.create(request);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public MaterialTypeApi.MaterialTypeView get(@PathParam("id") UUID id) {
        return types.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MaterialTypeApi.MaterialTypeView update(@PathParam("id") UUID id,
            @Valid @NotNull MaterialTypeApi.UpdateMaterialType request) {
        return types.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") UUID id) {
        types.delete(id);
    }
}
