package app.nozzly.production.process.reactors.rest;

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
import app.nozzly.production.process.batches.BatchApi.BatchView;
import app.nozzly.production.process.batches.BatchApi.StartBatch;
import app.nozzly.production.process.batches.service.BatchService;
import app.nozzly.production.process.reactors.ReactorApi.CreateReactor;
import app.nozzly.production.process.reactors.ReactorApi.Maintenance;
import app.nozzly.production.process.reactors.ReactorApi.ReactorView;
import app.nozzly.production.process.reactors.ReactorApi.UpdateReactorStatus;
import app.nozzly.production.process.reactors.ReactorStatus;
import app.nozzly.production.process.reactors.service.ReactorService;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;

/**
 * specs/001 "Gestión de Reactores", plus POST (register) and PUT maintenance. A reactor, its safe ranges and its
 * maintenance schedule are the plant's configuration (admin); readings and batches are running production.
 */
@Path("/api/v1/production/reactors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: reactors")
@RolesAllowed(Roles.VIEWER)
public class ReactorResource {

    @Inject
    ReactorService reactors;

    @Inject
    BatchService batches;

    @GET
    public Page<ReactorView> list(@QueryParam("status") ReactorStatus status,
            @QueryParam("page") @Min(1) @Max(ProcessPages.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(ProcessPages.MAX_LIMIT) Integer limit) {
        return reactors.list(status, PageRequest.pageOrAll(page, limit, ProcessPages.DEFAULT_LIMIT));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(201)
    public ReactorView create(@Valid @NotNull CreateReactor request) {
        return reactors.create(request);
    }

    /** PROD001 when the tenant has no such reactor. */
    @GET
    @Path("/{reactorId}")
    public ReactorView get(@PathParam("reactorId") UUID reactorId) {
        return reactors.get(reactorId);
    }

    /**
     * PROD001 reactor, RECIPE_NOT_FOUND, ORDER_NOT_FOUND; PROD002 busy, PROD008 order cancelled; PROD003, PROD004
     * (details.shortages), PROD009, PROD010, PROD011, PROD012, MAINTENANCE_OVERDUE; INVENTORY_UNAVAILABLE (503):
     * nothing started, nothing consumed.
     */
    @POST
    @Path("/{reactorId}/start-batch")
    @RolesAllowed(Roles.OPERATOR)
    @ResponseStatus(201)
    public BatchView startBatch(@PathParam("reactorId") UUID reactorId, @Valid @NotNull StartBatch request) {
        return batches.start(reactorId, request);
    }

    /** PROD009 temperature, PROD010 pressure, PROD002 a reactor holding a batch cannot go idle. */
    @PUT
    @Path("/{reactorId}/status")
    @RolesAllowed(Roles.OPERATOR)
    public ReactorView updateStatus(@PathParam("reactorId") UUID reactorId,
            @Valid @NotNull UpdateReactorStatus request) {
        return reactors.updateStatus(reactorId, request);
    }

    /** MAINTENANCE_POSTPONED: more than 7 days after it was due. */
    @PUT
    @Path("/{reactorId}/maintenance")
    @RolesAllowed(Roles.ADMIN)
    public ReactorView maintenance(@PathParam("reactorId") UUID reactorId, @Valid @NotNull Maintenance request) {
        return reactors.maintenance(reactorId, request);
    }
}
