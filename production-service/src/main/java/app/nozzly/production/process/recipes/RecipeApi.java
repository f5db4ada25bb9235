package app.nozzly.production.process.recipes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.production.process.recipes.RecipeParts.Ingredient;
import app.nozzly.production.process.recipes.RecipeParts.MixingPoint;
import app.nozzly.production.process.recipes.RecipeParts.QualityParameter;
import app.nozzly.production.process.recipes.RecipeParts.Step;
import app.nozzly.production.process.recipes.RecipeParts.TemperaturePoint;

/** specs/001 "Gestión de Recetas" request and response records. */
public final class RecipeApi {

    private RecipeApi() {
    }

    /**
     * POST /recipes: a new recipe, or a new version of the product's recipe of that name: the version given
     * ("1.0", "1.1", etc.), else the next one (1.0, then 1.1 ...). A version is written once per tenant.
     * product_category is ours (the spec's Recipe has none): without it the product is "other", and only the
     * quality rules of every product apply to its batches. A client posting the spec's Recipe may send its read-only
     * fields; they are ignored.
     */
    @JsonIgnoreProperties({ "id", "product_name", "cofepris_approved", "approval_date", "approved_by", "status",
            "created_at", "updated_at" })
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateRecipe(
            @NotBlank @Size(max = 200) String name,
            @NotNull UUID productId,
            @Pattern(regexp = "\\d{1,4}\\.\\d{1,4}", message = "must be major.minor, e.g. 1.0") String version,
            ProductCategory productCategory,
            @NotNull @Size(max = 4000) String description,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull Ingredient> ingredients,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull Step> steps,
            @NotNull @Size(max = 100) List<@Valid @NotNull QualityParameter> qualityParameters,
            @NotNull @Positive Integer estimatedDuration,
            @NotNull @Positive @Digits(integer = 9, fraction = 3) BigDecimal batchSize,
            @Size(max = 100) List<@Valid @NotNull TemperaturePoint> temperatureProfile,
            @Size(max = 100) List<@Valid @NotNull MixingPoint> mixingProfile,
            @Size(max = 200) String createdBy) {
    }

    /** ApproveRecipe. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ApproveRecipe(
            @NotBlank @Size(max = 200) String approvedBy,
            @NotNull Boolean cofeprisComplianceVerified,
            @Size(max = 2000) String testBatchResults,
            @Size(max = 2000) String notes) {
    }

    /** PUT /recipes/{id}/status: the workflow steps other than approval (testing, back to draft, deprecated). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RecipeStatusChange(@NotNull RecipeStatus status, @Size(max = 2000) String notes) {
    }

    /** Recipe. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RecipeView(
            UUID id,
            String name,
            UUID productId,
            String productName,
            ProductCategory productCategory,
            String version,
            String description,
            List<Ingredient> ingredients,
            List<Step> steps,
            List<QualityParameter> qualityParameters,
            int estimatedDuration,
            BigDecimal batchSize,
            List<TemperaturePoint> temperatureProfile,
            List<MixingPoint> mixingProfile,
            boolean cofeprisApproved,
            OffsetDateTime approvalDate,
            String createdBy,
            String approvedBy,
            RecipeStatus status,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }
}
