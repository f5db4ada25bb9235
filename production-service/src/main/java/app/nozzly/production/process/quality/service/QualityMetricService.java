package app.nozzly.production.process.quality.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.persistence.Where;
import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.production.process.batches.Batch;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;
import app.nozzly.production.process.events.ProcessEventPayloads.QualityAlert;
import app.nozzly.production.process.events.ProcessEvents;
import app.nozzly.production.process.quality.QualityMetric;
import app.nozzly.production.process.quality.QualityMetricApi.CreateQualityMetric;
import app.nozzly.production.process.quality.QualityMetricApi.QualityMetricView;
import app.nozzly.production.process.quality.mapping.QualityMetricMapper;
import app.nozzly.production.process.recipes.TestType;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;

/**
 * specs/001 quality metrics: passed is computed from target and tolerance; a failed measurement raises
 * production:quality-alert with its deviation and severity and asks for a retest.
 */
@ApplicationScoped
@Transactional
public class QualityMetricService {

    private static final Logger LOG = Logger.getLogger(QualityMetricService.class);

    @Inject
    ProcessEvents events;

    @Inject
    TenantContext tenants;

    @Inject
    QualityMetricMapper mapper;

    /** Filters of QualityMetricsQuery. */
    public record MetricFilter(UUID batchId, UUID productId, OffsetDateTime from, OffsetDateTime to,
            TestType testType, boolean passedOnly) {
    }

    public QualityMetricView create(CreateQualityMetric request) {
        Batch batch = Batch.findById(request.batchId());
        if (batch == null) {
            throw new ProcessException(ProcessErrorCode.PROD005, "batch " + request.batchId() + " not found",
                    Map.of("batch_id", request.batchId().toString()));
        }
        if (request.toleranceMin().compareTo(request.toleranceMax()) > 0) {
            throw ApiProblem.invalidField("tolerance_min", "tolerance_min " + request.toleranceMin()
                    + " is above tolerance_max " + request.toleranceMax());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        QualityMetric metric = new QualityMetric();
        metric.id = UUID.randomUUID();
        metric.batchId = batch.id;
        metric.testType = request.testType();
        metric.parameterName = request.parameterName();
        metric.measuredValue = request.measuredValue();
        metric.targetValue = request.targetValue();
        metric.toleranceMin = request.toleranceMin();
        metric.toleranceMax = request.toleranceMax();
        metric.unit = request.unit();
        metric.critical = Boolean.TRUE.equals(request.critical()) || request.testType() == TestType.COFEPRIS;
        metric.passed = QualityRules.passes(request.testType(), request.measuredValue(), request.targetValue(),
                request.toleranceMin(), request.toleranceMax());
        metric.retestRequired = !metric.passed;
        metric.testMethod = request.testMethod();
        metric.equipmentUsed = request.equipmentUsed();
        metric.testedBy = request.testedBy();
        metric.testDate = request.testDate();
        metric.notes = request.notes();
        metric.createdAt = now;
        metric.persist();
        if (!metric.passed) {
            var deviation = QualityRules.deviationPercentage(metric.measuredValue, metric.targetValue);
            String severity = QualityRules.severity(deviation, metric.critical);
            events.qualityAlert(new QualityAlert(batch.id.toString(), batch.productName, metric.testType.value(),
                    metric.parameterName, metric.measuredValue, metric.targetValue, deviation, severity,
                    metric.critical, now));
            LOG.infof("tenant %s: quality alert %s for batch %s: %s %s vs target %s (%s%%)", tenants.require(),
                    severity, batch.batchNumber, metric.parameterName, metric.measuredValue, metric.targetValue,
                    deviation);
        }
        return mapper.toView(metric);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<QualityMetricView> list(MetricFilter filter, PageRequest page) {
        Where where = new Where()
                .and("batchId = :batch", "batch", filter.batchId())
                .and("batchId in (select b.id from Batch b where b.productId = :product)", "product",
                        filter.productId())
                .and("testDate >= :from", "from", filter.from())
                .and("testDate <= :to", "to", filter.to())
                .and("testType = :type", "type", filter.testType())
                .and("passed = true", filter.passedOnly());
        return Page.of(QualityMetric.<QualityMetric>find(where.clause(), Sort.descending("testDate").and("id"),
                where.parameters()), page, mapper::toView);
    }
}
