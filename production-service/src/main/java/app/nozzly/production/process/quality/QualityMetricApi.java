package app.nozzly.production.process.quality;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.production.process.recipes.TestType;

/** specs/001 "Control de Calidad" records. */
public final class QualityMetricApi {

    private QualityMetricApi() {
    }

    /**
     * POST /quality-metrics: the spec's QualityMetric as a client posts it; passed and retest_required are computed,
     * so those (and id, created_at) are ignored when sent. Values are numeric(14, 4) like their columns (V20).
     */
    @JsonIgnoreProperties({ "id", "passed", "retest_required", "created_at" })
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateQualityMetric(
            @NotNull UUID batchId,
            @NotNull TestType testType,
            @NotBlank @Size(max = 200) String parameterName,
            @NotNull @Digits(integer = 10, fraction = 4) BigDecimal measuredValue,
            @NotNull @Digits(integer = 10, fraction = 4) BigDecimal targetValue,
            @NotNull @Digits(integer = 10, fraction = 4) BigDecimal toleranceMin,
            @NotNull @Digits(integer = 10, fraction = 4) BigDecimal toleranceMax,
            @NotBlank @Size(max = 32) String unit,
            Boolean critical,
            @NotBlank @Size(max = 200) String testMethod,
            @Size(max = 200) String equipmentUsed,
            @NotBlank @Size(max = 200) String testedBy,
            @NotNull OffsetDateTime testDate,
            @Size(max = 2000) String notes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record QualityMetricView(
            UUID id,
            UUID batchId,
            TestType testType,
            String parameterName,
            BigDecimal measuredValue,
            BigDecimal targetValue,
            BigDecimal toleranceMin,
            BigDecimal toleranceMax,
            String unit,
            boolean passed,
            boolean critical,
            String testMethod,
            String equipmentUsed,
            String testedBy,
            OffsetDateTime testDate,
            String notes,
            boolean retestRequired,
            OffsetDateTime createdAt) {
    }
}
