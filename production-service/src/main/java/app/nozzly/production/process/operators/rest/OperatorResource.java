package app.nozzly.production.process.operators.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.security.Roles;
import app.nozzly.production.process.ProcessPages;
import app.nozzly.production.process.operators.OperatorApi.OperatorRequest;
import app.nozzly.production.process.operators.OperatorApi.OperatorView;
import app.nozzly.production.process.operators.service.OperatorService;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;

/**
 * Operator registry with chemical-handling certifications (needed by specs/001 PROD012). Who may handle chemicals
 * is the tenant's administrators' decision.
 */
@Path("/api/v1/production/operators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: operators")
@RolesAllowed(Roles.VIEWER)
public class OperatorResource {

    @Inject
    OperatorService operators;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(201)
    public OperatorView create(@Valid @NotNull OperatorRequest request) {
        return operators.create(request);
    }

    @GET
    public Page<OperatorView> list(@QueryParam("page") @Min(1) @Max(ProcessPages.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(ProcessPages.MAX_LIMIT) Integer limit) {
        return operators.list(PageRequest.pageOrAll(page, limit, ProcessPages.DEFAULT_LIMIT));
    }

    /** OPERATOR_NOT_FOUND when the tenant has no such operator. */
    @GET
    @Path("/{operatorId}")
    public OperatorView get(@PathParam("operatorId") UUID operatorId) {
        return operators.get(operatorId);
    }

    @PUT
    @Path("/{operatorId}")
    @RolesAllowed(Roles.ADMIN)
    public OperatorView update(@PathParam("operatorId") UUID operatorId, @Valid @NotNull OperatorRequest request) {
        return operators.update(operatorId, request);
    }
}
