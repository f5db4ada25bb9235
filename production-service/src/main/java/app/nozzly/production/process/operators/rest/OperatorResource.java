package app.nozzly.production.process.operators.rest;

import java.util.UUID;

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
import app.nozzly.production.process.operators.OperatorApi.OperatorRequest;
import app.nozzly.production.process.operators.OperatorApi.OperatorView;
import app.nozzly.production.process.operators.service.OperatorService;
import app.nozzly.production.support.Page;
import app.nozzly.production.process.ProcessParams;

/** Operator registry with chemical-handling certifications (needed by specs/001 PROD012). */
@Path("/api/v1/production/operators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: operators")
@APIResponse(responseCode = "400", description = "invalid input (VALIDATION_ERROR)",
        content = @Content(schema = @Schema(implementation = ProcessError.class)))
public class OperatorResource {

    @Inject
    OperatorService operators;

    @POST
    @ResponseStatus(201)
    public OperatorView create(@Valid @NotNull OperatorRequest request) {
        return operators.create(request);
    }

    @GET
    public Page<OperatorView> list(@QueryParam("page") String page, @QueryParam("limit") String limit) {
        return operators.list(ProcessParams.pageOrAll(page, limit));
    }

    @GET
    @Path("/{operatorId}")
    @APIResponse(responseCode = "404", description = "OPERATOR_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public OperatorView get(@PathParam("operatorId") String operatorId) {
        return operators.get(ProcessParams.id(operatorId, ProcessErrorCode.OPERATOR_NOT_FOUND, "operator"));
    }

    @PUT
    @Path("/{operatorId}")
    public OperatorView update(@PathParam("operatorId") String operatorId, @Valid @NotNull OperatorRequest request) {
        UUID id = ProcessParams.id(operatorId, ProcessErrorCode.OPERATOR_NOT_FOUND, "operator");
        return operators.update(id, request);
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
