package app.nozzly.production.process.recipes;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The value parts of a specs/001 Recipe (ingredients, steps, quality parameters, profiles). They are
 * plain values, stored as JSON with the recipe and shown as they are.
 */
public final class RecipeParts {

    private RecipeParts() {
    }

    /**
     * RecipeIngredient: quantity per litre of product, consumed x target_quantity when a batch starts. unit is one
     * of mg, g, kg, ml, L of the material's dimension in inventory; mg goes to inventory as g.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Ingredient(
            @NotNull UUID materialId,
            @Size(max = 200) String materialName,
            @NotNull @Positive @Digits(integer = 9, fraction = 6) BigDecimal quantity,
            @NotBlank @Size(max = 16) String unit,
            @NotNull @Min(1) Integer additionOrder,
            @PositiveOrZero Integer additionTime,
            BigDecimal temperatureRequirement,
            @PositiveOrZero BigDecimal mixingSpeedRequirement,
            boolean critical) {

        public Ingredient withMaterialName(String name) {
            return new Ingredient(materialId, name, quantity, unit, additionOrder, additionTime,
                    temperatureRequirement, mixingSpeedRequirement, critical);
        }
    }

    /** RecipeStep. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Step(
            @NotNull @Min(1) Integer stepNumber,
            @NotBlank @Size(max = 2000) String description,
            @NotNull @PositiveOrZero Integer duration,
            BigDecimal temperature,
            @PositiveOrZero BigDecimal mixingSpeed,
            @PositiveOrZero BigDecimal pressure,
            boolean criticalControlPoint,
            boolean verificationRequired,
            @Size(max = 2000) String notes) {
    }

    /**
     * QualityParameter (the spec names it without fields): what a batch of this recipe must measure.
     * tolerance_min / tolerance_max are the accepted values; pH is further held to target +-0.2 and
     * density to target +-2%.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record QualityParameter(
            @NotBlank @Size(max = 200) String parameterName,
            @NotNull TestType testType,
            @NotNull BigDecimal targetValue,
            BigDecimal toleranceMin,
            BigDecimal toleranceMax,
            @NotNull @Size(max = 32) String unit,
            boolean critical) {
    }

    /** TemperaturePoint: the temperature to hold from {@code time} minutes after the start. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TemperaturePoint(@NotNull @PositiveOrZero Integer time, @NotNull BigDecimal temperature) {
    }

    /** MixingPoint: the mixing speed (RPM) from {@code time} minutes after the start. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MixingPoint(@NotNull @PositiveOrZero Integer time,
            @NotNull @PositiveOrZero @DecimalMax("100000") BigDecimal speed) {
    }
}
