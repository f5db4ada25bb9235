package app.nozzly.production.process.recipes.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;
import app.nozzly.production.process.inventory.Inventory;
import app.nozzly.production.process.inventory.InventoryApi.Material;
import app.nozzly.production.process.inventory.InventoryApi.Product;
import app.nozzly.production.process.recipes.Recipe;
import app.nozzly.production.process.recipes.RecipeApi.ApproveRecipe;
import app.nozzly.production.process.recipes.RecipeApi.CreateRecipe;
import app.nozzly.production.process.recipes.RecipeApi.RecipeStatusChange;
import app.nozzly.production.process.recipes.RecipeApi.RecipeView;
import app.nozzly.production.process.recipes.RecipeParts.Ingredient;
import app.nozzly.production.process.recipes.RecipeParts.QualityParameter;
import app.nozzly.production.process.recipes.RecipeParts.Step;
import app.nozzly.production.process.recipes.RecipeStatus;
import app.nozzly.production.process.support.Page;
import app.nozzly.production.process.support.PageRequest;

/**
 * specs/001 recipes: versions 1.0, 1.1 ... of a product's formulation, the approval workflow
 * draft -> testing -> approved -> deprecated, and COFEPRIS verification at approval (PROD011).
 */
@ApplicationScoped
@Transactional
public class RecipeService {

    @Inject
    Inventory inventory;

    public RecipeView create(CreateRecipe request, String caller) {
        validate(request);
        Product product = inventory.product(request.productId()).orElseThrow(() -> new ProcessException(
                ProcessErrorCode.PRODUCT_NOT_FOUND, "product " + request.productId() + " does not exist in inventory",
                Map.of("product_id", request.productId().toString())));
        List<Ingredient> ingredients = new ArrayList<>();
        for (Ingredient ingredient : request.ingredients()) {
            Material material = inventory.material(ingredient.materialId()).orElseThrow(() -> new ProcessException(
                    ProcessErrorCode.MATERIAL_NOT_FOUND,
                    "raw material " + ingredient.materialId() + " does not exist in inventory",
                    Map.of("material_id", ingredient.materialId().toString())));
            ingredients.add(ingredient.withMaterialName(material.name()));
        }
        Recipe latest = Recipe.<Recipe>find("productId = :product and name = :name order by major desc, minor desc",
                Map.of("product", request.productId(), "name", request.name().trim())).firstResult();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Recipe recipe = new Recipe();
        recipe.id = UUID.randomUUID();
        recipe.name = request.name().trim();
        recipe.productId = request.productId();
        recipe.productName = product.name();
        recipe.productCategory = request.productCategory();
        recipe.major = latest == null ? 1 : latest.major;
        recipe.minor = latest == null ? 0 : latest.minor + 1;
        recipe.version = recipe.major + "." + recipe.minor;
        recipe.description = request.description();
        recipe.ingredients = ingredients;
        recipe.steps = List.copyOf(request.steps());
        recipe.qualityParameters = List.copyOf(request.qualityParameters());
        recipe.estimatedDuration = request.estimatedDuration();
        recipe.batchSize = request.batchSize();
        recipe.temperatureProfile = request.temperatureProfile() == null ? List.of() : request.temperatureProfile();
        recipe.mixingProfile = request.mixingProfile() == null ? List.of() : request.mixingProfile();
        recipe.cofeprisApproved = false;
        recipe.createdBy = request.createdBy() == null || request.createdBy().isBlank() ? caller : request.createdBy();
        recipe.status = RecipeStatus.draft;
        recipe.createdAt = now;
        recipe.updatedAt = now;
        recipe.persist();
        return RecipeView.of(recipe);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RecipeView get(UUID id) {
        return RecipeView.of(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RecipeView> list(RecipeStatus status, UUID productId, String name, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (productId != null) {
            where.append(" and productId = :product");
            params.put("product", productId);
        }
        if (name != null && !name.isBlank()) {
            where.append(" and lower(name) like :name");
            params.put("name", "%" + name.toLowerCase(Locale.ROOT) + "%");
        }
        List<RecipeView> items = Recipe.<Recipe>find(where + " order by name, productId, major desc, minor desc, id",
                params).page(page.page() - 1, page.limit()).list().stream().map(RecipeView::of).toList();
        return Page.of(items, page, Recipe.count(where.toString(), params));
    }

    /** ApproveRecipe: only a recipe in testing; COFEPRIS compliance must be verified (PROD011). */
    public RecipeView approve(UUID id, ApproveRecipe request) {
        Recipe recipe = find(id);
        if (recipe.status != RecipeStatus.testing) {
            throw transition(recipe, RecipeStatus.approved, "only a recipe in testing can be approved");
        }
        if (!Boolean.TRUE.equals(request.cofeprisComplianceVerified())) {
            throw new ProcessException(ProcessErrorCode.PROD011, "recipe " + recipe.name + " v" + recipe.version
                    + " cannot be approved: COFEPRIS compliance has not been verified",
                    Map.of("recipe_id", id.toString()));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // one approved version per recipe: the one approved before is superseded
        Recipe.<Recipe>list("productId = :product and name = :name and status = :approved and id <> :id",
                Map.of("product", recipe.productId, "name", recipe.name, "approved", RecipeStatus.approved, "id", id))
                .forEach(previous -> {
                    previous.status = RecipeStatus.deprecated;
                    previous.updatedAt = now;
                });
        recipe.status = RecipeStatus.approved;
        recipe.cofeprisApproved = true;
        recipe.approvalDate = now;
        recipe.approvedBy = request.approvedBy();
        recipe.testBatchResults = request.testBatchResults();
        recipe.approvalNotes = request.notes();
        recipe.updatedAt = now;
        return RecipeView.of(recipe);
    }

    /** draft <-> testing, and any version to deprecated; approval has its own endpoint. */
    public RecipeView changeStatus(UUID id, RecipeStatusChange request) {
        Recipe recipe = find(id);
        RecipeStatus to = request.status();
        boolean allowed = switch (to) {
            case testing -> recipe.status == RecipeStatus.draft;
            case draft -> recipe.status == RecipeStatus.testing;
            case deprecated -> recipe.status != RecipeStatus.deprecated;
            case approved -> false;
        };
        if (!allowed) {
            throw transition(recipe, to, to == RecipeStatus.approved ? "use PUT /recipes/{id}/approve"
                    : "the workflow is draft -> testing -> approved -> deprecated");
        }
        recipe.status = to;
        recipe.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return RecipeView.of(recipe);
    }

    /** The recipe or RECIPE_NOT_FOUND, for other features of the process. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Recipe find(UUID id) {
        Recipe recipe = id == null ? null : Recipe.findById(id);
        if (recipe == null) {
            throw new ProcessException(ProcessErrorCode.RECIPE_NOT_FOUND, "recipe " + id + " not found",
                    Map.of("recipe_id", String.valueOf(id)));
        }
        return recipe;
    }

    private static ProcessException transition(Recipe recipe, RecipeStatus to, String why) {
        return new ProcessException(ProcessErrorCode.INVALID_STATE_TRANSITION, "recipe " + recipe.name + " v"
                + recipe.version + " cannot go from " + recipe.status + " to " + to + ": " + why,
                Map.of("recipe_id", recipe.id.toString(), "status", recipe.status.name()));
    }

    private static void validate(CreateRecipe request) {
        Set<Integer> orders = new HashSet<>();
        for (Ingredient ingredient : request.ingredients()) {
            if (!orders.add(ingredient.additionOrder())) {
                throw invalid("ingredients", "two ingredients share addition_order " + ingredient.additionOrder());
            }
        }
        Set<Integer> steps = new HashSet<>();
        for (Step step : request.steps()) {
            if (!steps.add(step.stepNumber())) {
                throw invalid("steps", "two steps share step_number " + step.stepNumber());
            }
        }
        for (QualityParameter parameter : request.qualityParameters()) {
            BigDecimal min = parameter.toleranceMin();
            BigDecimal max = parameter.toleranceMax();
            if ((min != null && min.compareTo(parameter.targetValue()) > 0)
                    || (max != null && max.compareTo(parameter.targetValue()) < 0)) {
                throw invalid("quality_parameters", "parameter " + parameter.parameterName()
                        + ": tolerance_min <= target_value <= tolerance_max is required");
            }
        }
    }

    private static ProcessException invalid(String field, String message) {
        return new ProcessException(ProcessErrorCode.VALIDATION_ERROR, message, Map.of("field", field));
    }
}
