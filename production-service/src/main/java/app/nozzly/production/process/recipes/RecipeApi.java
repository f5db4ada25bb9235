package app.nozzly.production.process.recipes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

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

    /** POST /recipes: a new recipe, or the next version (1.0, 1.1 ...) of the product's recipe of that name. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateRecipe(
            @NotBlank @Size(max = 200) String name,
            @NotNull UUID productId,
            @NotNull ProductCategory productCategory,
            @NotNull String description,
            @NotEmpty List<@Valid @NotNull Ingredient> ingredients,
            @NotEmpty List<@Valid @NotNull Step> steps,
            @NotNull List<@Valid @NotNull QualityParameter> qualityParameters,
            @NotNull @Positive Integer estimatedDuration,
            @NotNull @Positive BigDecimal batchSize,
            List<@Valid @NotNull TemperaturePoint> temperatureProfile,
            List<@Valid @NotNull MixingPoint> mixingProfile,
            @Size(max = 200) String createdBy) {
    }

    /** ApproveRecipe. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ApproveRecipe(
            @NotBlank @Size(max = 200) String approvedBy,
            @NotNull Boolean cofeprisComplianceVerified,
            String testBatchResults,
            String notes) {
    }

    /** PUT /recipes/{id}/status: the workflow steps other than approval (testing, back to draft, deprecated). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RecipeStatusChange(@NotNull RecipeStatus status, String notes) {
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

        public static RecipeView of(Recipe r) {
            return new RecipeView(r.id, r.name, r.productId, r.productName, r.productCategory, r.version,
                    r.description, r.ingredients, r.steps, r.qualityParameters, r.estimatedDuration, r.batchSize,
                    r.temperatureProfile, r.mixingProfile, r.cofeprisApproved, r.approvalDate, r.createdBy,
                    r.approvedBy, r.status, r.createdAt, r.updatedAt);
        }
    }
}
