package app.nozzly.production.process.recipes.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import app.nozzly.production.process.recipes.Recipe;
import app.nozzly.production.process.recipes.RecipeApi.RecipeView;

/** Recipe entity -> specs/001 Recipe. */
@ApplicationScoped
public class RecipeMapper {

    public RecipeView toView(Recipe r) {
        return new RecipeView(r.id, r.name, r.productId, r.productName, r.productCategory, r.version, r.description,
                r.ingredients, r.steps, r.qualityParameters, r.estimatedDuration, r.batchSize, r.temperatureProfile,
                r.mixingProfile, r.cofeprisApproved, r.approvalDate, r.createdBy, r.approvedBy, r.status,
                r.createdAt, r.updatedAt);
    }
}
