package app.nozzly.production.process.batches.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.nozzly.platform.security.Roles;
import app.nozzly.production.process.ProcessPages;
import app.nozzly.production.process.batches.BatchApi.BatchStatusUpdate;
import app.nozzly.production.process.batches.BatchApi.BatchTraceability;
import app.nozzly.production.process.batches.BatchApi.BatchView;
import app.nozzly.production.process.batches.BatchApi.LotTraceability;
import app.nozzly.production.process.batches.BatchStatus;
import app.nozzly.production.process.batches.QualityCheck;
import app.nozzly.production.process.batches.service.BatchService;
import app.nozzly.production.process.batches.service.BatchService.BatchFilter;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;
import app.nozzly.production.support.TimeBound;

/** specs/001 "Gestión de Batches", plus PUT status and traceability both ways (batch -> lots, lot -> batches). */
@Path("/api/v1/production")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: batches")
@RolesAllowed(Roles.VIEWER)
public class BatchResource {

    @Inject
    BatchService batches;

    @GET
    @Path("/batches")
    public Page<BatchView> list(@QueryParam("status") BatchStatus status, @QueryParam("product_id") UUID productId,
            @QueryParam("reactor_id") UUID reactorId, @QueryParam("date_from") TimeBound dateFrom,
            @QueryParam("date_to") TimeBound dateTo, @QueryParam("operator_id") UUID operatorId,
            @QueryParam("page") @Min(1) @Max(ProcessPages.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(ProcessPages.MAX_LIMIT) Integer limit) {
        BatchFilter filter = new BatchFilter(status, productId, reactorId, TimeBound.from(dateFrom),
                TimeBound.until(dateTo), operatorId);
        return batches.list(filter, PageRequest.page(page, limit, ProcessPages.DEFAULT_LIMIT));
    }

    /** PROD005 when the tenant has no such batch. */
    @GET
    @Path("/batches/{batchId}")
    public BatchView get(@PathParam("batchId") UUID batchId) {
        return batches.get(batchId);
    }

    /** The release decision (PROD006 with details.failures, PROD011); quality checks are running production. */
    @PUT
    @Path("/batches/{batchId}/quality-check")
    @RolesAllowed(Roles.OPERATOR)
    public BatchView qualityCheck(@PathParam("batchId") UUID batchId, @Valid @NotNull QualityCheck check) {
        return batches.qualityCheck(batchId, check);
    }

    @PUT
    @Path("/batches/{batchId}/status")
    @RolesAllowed(Roles.OPERATOR)
    public BatchView changeStatus(@PathParam("batchId") UUID batchId, @Valid @NotNull BatchStatusUpdate request) {
        return batches.changeStatus(batchId, request);
    }

    @GET
    @Path("/batches/{batchId}/traceability")
    public BatchTraceability traceability(@PathParam("batchId") UUID batchId) {
        return batches.traceability(batchId);
    }

    @GET
    @Path("/traceability/lots/{lotNumber}")
    public LotTraceability lot(@PathParam("lotNumber") @Size(max = 100) String lotNumber,
            @QueryParam("material_id") UUID materialId) {
        return batches.lot(lotNumber, materialId);
    }
}
