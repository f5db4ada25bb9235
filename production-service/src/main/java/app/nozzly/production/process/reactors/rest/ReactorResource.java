package app.nozzly.production.process.reactors.rest;

import static app.nozzly.production.process.ProcessParams.PARAMS;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import app.nozzly.production.process.errors.ProcessError;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessErrors;
import app.nozzly.production.support.Page;
import app.nozzly.production.process.ProcessParams;
import app.nozzly.production.process.batches.BatchApi.BatchView;
import app.nozzly.production.process.batches.BatchApi.StartBatch;
import app.nozzly.production.process.batches.service.BatchService;
import app.nozzly.production.process.reactors.ReactorApi.CreateReactor;
import app.nozzly.production.process.reactors.ReactorApi.Maintenance;
import app.nozzly.production.process.reactors.ReactorApi.ReactorView;
import app.nozzly.production.process.reactors.ReactorApi.UpdateReactorStatus;
import app.nozzly.production.process.reactors.ReactorStatus;
import app.nozzly.production.process.reactors.service.ReactorService;

/** specs/001 "Gestión de Reactores", plus POST (register) and PUT maintenance. */
@Path("/api/v1/production/reactors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: reactors")
@APIResponse(responseCode = "400", description = "invalid input (VALIDATION_ERROR); every error body is {\"error\": {\"code\", \"message\", \"details\"}}",
        content = @Content(schema = @Schema(implementation = ProcessError.class)))
public class ReactorResource {

    @Inject
    ReactorService reactors;

    @Inject
    BatchService batches;

    @GET
    public Page<ReactorView> list(@QueryParam("status") String status, @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        return reactors.list(PARAMS.oneOf("status", status, ReactorStatus.class), ProcessParams.pageOrAll(page, limit));
    }

    @POST
    @ResponseStatus(201)
    public ReactorView create(@Valid @NotNull CreateReactor request) {
        return reactors.create(request);
    }

    @GET
    @Path("/{reactorId}")
    @APIResponse(responseCode = "404", description = "PROD001",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public ReactorView get(@PathParam("reactorId") String reactorId) {
        return reactors.get(ProcessParams.id(reactorId, ProcessErrorCode.PROD001, "reactor"));
    }

    @POST
    @Path("/{reactorId}/start-batch")
    @ResponseStatus(201)
    @APIResponse(responseCode = "404", description = "PROD001, RECIPE_NOT_FOUND, ORDER_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    @APIResponse(responseCode = "409", description = "PROD002 reactor busy, PROD008 order cancelled",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    @APIResponse(responseCode = "422", description = "PROD003, PROD004 (details.shortages), PROD009, PROD010,"
            + " PROD011, PROD012, MAINTENANCE_OVERDUE",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    @APIResponse(responseCode = "503", description = "INVENTORY_UNAVAILABLE: nothing started, nothing consumed",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public BatchView startBatch(@PathParam("reactorId") String reactorId, @Valid @NotNull StartBatch request) {
        return batches.start(ProcessParams.id(reactorId, ProcessErrorCode.PROD001, "reactor"), request);
    }

    @PUT
    @Path("/{reactorId}/status")
    @APIResponse(responseCode = "422", description = "PROD009 temperature, PROD010 pressure",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public ReactorView updateStatus(@PathParam("reactorId") String reactorId,
            @Valid @NotNull UpdateReactorStatus request) {
        return reactors.updateStatus(ProcessParams.id(reactorId, ProcessErrorCode.PROD001, "reactor"), request);
    }

    @PUT
    @Path("/{reactorId}/maintenance")
    @APIResponse(responseCode = "422", description = "MAINTENANCE_POSTPONED: more than 7 days after it was due",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public ReactorView maintenance(@PathParam("reactorId") String reactorId, @Valid @NotNull Maintenance request) {
        return reactors.maintenance(ProcessParams.id(reactorId, ProcessErrorCode.PROD001, "reactor"), request);
    }

    @ServerExceptionMapper
    Response invalid(ConstraintViolationException e) {
        return ProcessErrors.invalid(e);
    }

    @ServerExceptionMapper
    Response invalidBody(JsonProcessingException e) {
        return ProcessErrors.invalidJson(e);
    }
}
