package app.nozzly.production.process.quality.rest;

import static app.nozzly.production.process.ProcessParams.PARAMS;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import app.nozzly.production.process.errors.ProcessErrors;
import app.nozzly.production.support.Page;
import app.nozzly.production.process.ProcessParams;
import app.nozzly.production.process.quality.QualityMetricApi.CreateQualityMetric;
import app.nozzly.production.process.quality.QualityMetricApi.QualityMetricView;
import app.nozzly.production.process.quality.service.QualityMetricService;
import app.nozzly.production.process.quality.service.QualityMetricService.MetricFilter;
import app.nozzly.production.process.recipes.TestType;

/** specs/001 "Control de Calidad": metrics, passed computed, a failed one raises production:quality-alert. */
@Path("/api/v1/production/quality-metrics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: quality")
@APIResponse(responseCode = "400", description = "invalid input (VALIDATION_ERROR); every error body is {\"error\": {\"code\", \"message\", \"details\"}}",
        content = @Content(schema = @Schema(implementation = ProcessError.class)))
public class QualityMetricResource {

    @Inject
    QualityMetricService metrics;

    @GET
    public Page<QualityMetricView> list(@QueryParam("batch_id") String batchId,
            @QueryParam("product_id") String productId, @QueryParam("date_from") String dateFrom,
            @QueryParam("date_to") String dateTo, @QueryParam("test_type") String testType,
            @QueryParam("passed_only") String passedOnly, @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        MetricFilter filter = new MetricFilter(PARAMS.uuid("batch_id", batchId), PARAMS.uuid("product_id", productId),
                PARAMS.instant("date_from", dateFrom, false), PARAMS.instant("date_to", dateTo, true),
                PARAMS.oneOf("test_type", testType, TestType.class), PARAMS.bool("passed_only", passedOnly));
        return metrics.list(filter, ProcessParams.pageOrAll(page, limit));
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "404", description = "PROD005",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public QualityMetricView create(@Valid @NotNull CreateQualityMetric request) {
        return metrics.create(request);
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
