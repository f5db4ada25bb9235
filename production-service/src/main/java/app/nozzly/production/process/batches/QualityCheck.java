package app.nozzly.production.process.batches;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * specs/001 QualityCheck, plus visual_inspection_percentage (how much of the lot was inspected; health
 * and wellness products need 100). Kept on the batch as the record of its release decision.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QualityCheck(
        @DecimalMin("0") @DecimalMax("14") @Digits(integer = 2, fraction = 4) BigDecimal phLevel,
        @Positive @Digits(integer = 10, fraction = 4) BigDecimal density,
        @Positive @Digits(integer = 10, fraction = 4) BigDecimal viscosity,
        @NotNull Boolean colorMatch,
        @NotNull @Min(1) @Max(10) Integer fragranceIntensity,
        @NotNull MicrobiologicalTest microbiologicalTest,
        @NotNull Boolean cofeprisCompliance,
        @Size(max = 2000) String notes,
        @NotBlank @Size(max = 200) String testedBy,
        @NotNull OffsetDateTime testDate,
        @NotNull Boolean approved,
        @Size(max = 2000) String rejectionReason,
        @DecimalMin("0") @DecimalMax("100") BigDecimal visualInspectionPercentage) {

    /** specs/001 QualityCheck.microbiological_test. */
    @EnumNaming(SpecEnumNaming.class)
    public enum MicrobiologicalTest implements WireEnum {
        PENDING,
        PASSED,
        FAILED
    }
}
