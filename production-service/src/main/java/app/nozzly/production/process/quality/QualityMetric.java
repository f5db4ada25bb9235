package app.nozzly.production.process.quality;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;
import app.nozzly.production.process.recipes.TestType;

/** One measurement of a batch (specs/001 QualityMetric); passed is computed, never taken from the client. */
@Entity
@Table(name = "process_quality_metric")
public class QualityMetric extends TenantEntity {

    @Id
    public UUID id;

    public UUID batchId;

    @Convert(converter = TestType.Column.class)
    public TestType testType;

    public String parameterName;

    public BigDecimal measuredValue;

    public BigDecimal targetValue;

    public BigDecimal toleranceMin;

    public BigDecimal toleranceMax;

    public String unit;

    public boolean passed;

    public boolean critical;

    public String testMethod;

    public String equipmentUsed;

    public String testedBy;

    public OffsetDateTime testDate;

    public String notes;

    public boolean retestRequired;

    public OffsetDateTime createdAt;
}
