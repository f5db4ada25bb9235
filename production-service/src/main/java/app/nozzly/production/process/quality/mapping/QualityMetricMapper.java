package app.nozzly.production.process.quality.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import app.nozzly.production.process.quality.QualityMetric;
import app.nozzly.production.process.quality.QualityMetricApi.QualityMetricView;

/** QualityMetric entity -> specs/001 QualityMetric. */
@ApplicationScoped
public class QualityMetricMapper {

    public QualityMetricView toView(QualityMetric m) {
        return new QualityMetricView(m.id, m.batchId, m.testType, m.parameterName, m.measuredValue, m.targetValue,
                m.toleranceMin, m.toleranceMax, m.unit, m.passed, m.critical, m.testMethod, m.equipmentUsed,
                m.testedBy, m.testDate, m.notes, m.retestRequired, m.createdAt);
    }
}
