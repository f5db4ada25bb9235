package app.nozzly.production.process.quality.rest;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.security.Roles;
import app.nozzly.production.process.ProcessPages;
import app.nozzly.production.process.quality.QualityMetricApi.CreateQualityMetric;
import app.nozzly.production.process.quality.QualityMetricApi.QualityMetricView;
import app.nozzly.production.process.quality.service.QualityMetricService;
import app.nozzly.production.process.quality.service.QualityMetricService.MetricFilter;
import app.nozzly.production.process.recipes.TestType;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;
import app.nozzly.production.support.TimeBound;

/** specs/001 "Control de Calidad": metrics, passed computed, a failed one raises production:quality-alert. */
@Path("/api/v1/production/quality-metrics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: quality")
@RolesAllowed(Roles.VIEWER)
public class QualityMetricResource {

    @Inject
    QualityMetricService metrics;

    @GET
    public Page<QualityMetricView> list(@QueryParam("batch_id") UUID batchId,
            @QueryParam("product_id") UUID productId, @QueryParam("date_from") TimeBound dateFrom,
            @QueryParam("date_to") TimeBound dateTo, @QueryParam("test_type") TestType testType,
            @QueryParam("passed_only") Boolean passedOnly,
            @QueryParam("page") @Min(1) @Max(ProcessPages.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(ProcessPages.MAX_LIMIT) Integer limit) {
        MetricFilter filter = new MetricFilter(batchId, productId, TimeBound.from(dateFrom), TimeBound.until(dateTo),
                testType, Boolean.TRUE.equals(passedOnly));
        return metrics.list(filter, PageRequest.pageOrAll(page, limit, ProcessPages.DEFAULT_LIMIT));
    }

    /** PROD005 when the tenant has no such batch. */
    @POST
    @RolesAllowed(Roles.OPERATOR)
    @ResponseStatus(201)
    public QualityMetricView create(@Valid @NotNull CreateQualityMetric request) {
        return metrics.create(request);
    }
}
