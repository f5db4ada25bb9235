package app.nozzly.production.process.batches.rest;

import static app.nozzly.production.process.ProcessParams.PARAMS;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import app.nozzly.production.process.errors.ProcessError;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessErrors;
import app.nozzly.production.support.Page;
import app.nozzly.production.process.ProcessParams;
import app.nozzly.production.process.batches.BatchApi.BatchStatusUpdate;
import app.nozzly.production.process.batches.BatchApi.BatchTraceability;
import app.nozzly.production.process.batches.BatchApi.BatchView;
import app.nozzly.production.process.batches.BatchApi.LotTraceability;
import app.nozzly.production.process.batches.BatchStatus;
import app.nozzly.production.process.batches.QualityCheck;
import app.nozzly.production.process.batches.service.BatchService;
import app.nozzly.production.process.batches.service.BatchService.BatchFilter;

/** specs/001 "Gestión de Batches", plus PUT status and traceability both ways (batch -> lots, lot -> batches). */
@Path("/api/v1/production")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: batches")
@APIResponse(responseCode = "400", description = "invalid input (VALIDATION_ERROR); every error body is {\"error\": {\"code\", \"message\", \"details\"}}",
        content = @Content(schema = @Schema(implementation = ProcessError.class)))
public class BatchResource {

    @Inject
    BatchService batches;

    @GET
    @Path("/batches")
    public Page<BatchView> list(@QueryParam("status") String status, @QueryParam("product_id") String productId,
            @QueryParam("reactor_id") String reactorId, @QueryParam("date_from") String dateFrom,
            @QueryParam("date_to") String dateTo, @QueryParam("operator_id") String operatorId,
            @QueryParam("page") String page, @QueryParam("limit") String limit) {
        BatchFilter filter = new BatchFilter(PARAMS.oneOf("status", status, BatchStatus.class),
                PARAMS.uuid("product_id", productId), PARAMS.uuid("reactor_id", reactorId),
                PARAMS.instant("date_from", dateFrom, false), PARAMS.instant("date_to", dateTo, true),
                PARAMS.uuid("operator_id", operatorId));
        return batches.list(filter, ProcessParams.page(page, limit));
    }

    @GET
    @Path("/batches/{batchId}")
    @APIResponse(responseCode = "404", description = "PROD005",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public BatchView get(@PathParam("batchId") String batchId) {
        return batches.get(ProcessParams.id(batchId, ProcessErrorCode.PROD005, "batch"));
    }

    @PUT
    @Path("/batches/{batchId}/quality-check")
    @APIResponse(responseCode = "422", description = "PROD006 quality control failed (details.failures), PROD011",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: the batch is not in quality_check",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public BatchView qualityCheck(@PathParam("batchId") String batchId, @Valid @NotNull QualityCheck check) {
        return batches.qualityCheck(ProcessParams.id(batchId, ProcessErrorCode.PROD005, "batch"), check);
    }

    @PUT
    @Path("/batches/{batchId}/status")
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public BatchView changeStatus(@PathParam("batchId") String batchId, @Valid @NotNull BatchStatusUpdate request) {
        return batches.changeStatus(ProcessParams.id(batchId, ProcessErrorCode.PROD005, "batch"), request);
    }

    @GET
    @Path("/batches/{batchId}/traceability")
    public BatchTraceability traceability(@PathParam("batchId") String batchId) {
        return batches.traceability(ProcessParams.id(batchId, ProcessErrorCode.PROD005, "batch"));
    }

    @GET
    @Path("/traceability/lots/{lotNumber}")
    public LotTraceability lot(@PathParam("lotNumber") String lotNumber, @QueryParam("material_id") String materialId) {
        return batches.lot(lotNumber, PARAMS.uuid("material_id", materialId));
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
