package app.nozzly.production.process.recipes.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.persistence.Where;
import app.nozzly.production.client.Inventory;
import app.nozzly.production.client.InventoryModels.Material;
import app.nozzly.production.client.InventoryModels.Product;
import app.nozzly.production.process.client.ForProcess;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;
import app.nozzly.production.process.recipes.ProductCategory;
import app.nozzly.production.process.recipes.Recipe;
import app.nozzly.production.process.recipes.RecipeApi.ApproveRecipe;
import app.nozzly.production.process.recipes.RecipeApi.CreateRecipe;
import app.nozzly.production.process.recipes.RecipeApi.RecipeStatusChange;
import app.nozzly.production.process.recipes.RecipeApi.RecipeView;
import app.nozzly.production.process.recipes.RecipeParts.Ingredient;
import app.nozzly.production.process.recipes.RecipeParts.QualityParameter;
import app.nozzly.production.process.recipes.RecipeParts.Step;
import app.nozzly.production.process.recipes.RecipeStatus;
import app.nozzly.production.process.recipes.mapping.RecipeMapper;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;
import app.nozzly.production.support.UniqueValues;
import app.nozzly.production.support.Units;

/**
 * specs/001 "Gestión de Recetas": versions 1.0, 1.1 ... of a product's formulation, unique per tenant; the
 * lifecycle draft -> approved -> deprecated, where our testing state may come between draft and approval but is
 * never required; COFEPRIS verification at approval (PROD011).
 */
@ApplicationScoped
@Transactional
public class RecipeService {

    @Inject
    @ForProcess
    Inventory inventory;

    @Inject
    RecipeMapper mapper;

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
            requireConvertible(ingredient, material);
            ingredients.add(ingredient.withMaterialName(material.name()));
        }
        String name = request.name().trim();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Recipe recipe = new Recipe();
        recipe.id = UUID.randomUUID();
        recipe.name = name;
        recipe.productId = request.productId();
        if (request.version() == null) {
            Recipe latest = Recipe.<Recipe>find("productId = :product and name = :name order by major desc, minor desc",
                    Map.of("product", request.productId(), "name", name)).firstResult();
            recipe.major = latest == null ? 1 : latest.major;
            recipe.minor = latest == null ? 0 : latest.minor + 1;
        } else {
            String[] parts = request.version().split("\\.");
            recipe.major = Integer.parseInt(parts[0]);
            recipe.minor = Integer.parseInt(parts[1]);
        }
        recipe.version = recipe.major + "." + recipe.minor;
        if (Recipe.count("productId = ?1 and name = ?2 and major = ?3 and minor = ?4", recipe.productId, name,
                recipe.major, recipe.minor) > 0) {
            throw versionTaken(recipe);
        }
        recipe.productName = product.name();
        recipe.productCategory = request.productCategory() == null ? ProductCategory.OTHER
                : request.productCategory();
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
        recipe.status = RecipeStatus.DRAFT;
        recipe.createdAt = now;
        recipe.updatedAt = now;
        try {
            recipe.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueValues.violated(e, "process_recipe_version_unique")) {
                throw versionTaken(recipe);
            }
            throw e;
        }
        return mapper.toView(recipe);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RecipeView get(UUID id) {
        return mapper.toView(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RecipeView> list(RecipeStatus status, UUID productId, String name, PageRequest page) {
        Where where = new Where()
                .and("status = :status", "status", status)
                .and("productId = :product", "product", productId)
                .and("lower(name) like :name", "name",
                        name == null || name.isBlank() ? null : "%" + name.toLowerCase(Locale.ROOT) + "%");
        return Page.of(Recipe.<Recipe>find(where.clause(), Sort.by("name").and("productId")
                .and("major", Sort.Direction.Descending).and("minor", Sort.Direction.Descending).and("id"),
                where.parameters()), page, mapper::toView);
    }

    /**
     * ApproveRecipe, from draft or testing (our testing state refines the spec's lifecycle, never blocks it);
     * COFEPRIS compliance must be verified (PROD011). The version approved before of the same recipe is deprecated.
     */
    public RecipeView approve(UUID id, ApproveRecipe request) {
        Recipe recipe = find(id);
        if (recipe.status != RecipeStatus.DRAFT && recipe.status != RecipeStatus.TESTING) {
            throw transition(recipe, RecipeStatus.APPROVED, recipe.status == RecipeStatus.APPROVED
                    ? "it is approved already" : "a deprecated version stays deprecated; write a new version");
        }
        if (!Boolean.TRUE.equals(request.cofeprisComplianceVerified())) {
            throw new ProcessException(ProcessErrorCode.PROD011, "recipe " + recipe.name + " v" + recipe.version
                    + " cannot be approved: COFEPRIS compliance has not been verified",
                    Map.of("recipe_id", id.toString()));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Recipe.<Recipe>list("productId = :product and name = :name and status = :approved and id <> :id",
                Map.of("product", recipe.productId, "name", recipe.name, "approved", RecipeStatus.APPROVED, "id", id))
                .forEach(previous -> {
                    previous.status = RecipeStatus.DEPRECATED;
                    previous.updatedAt = now;
                });
        recipe.status = RecipeStatus.APPROVED;
        recipe.cofeprisApproved = true;
        recipe.approvalDate = now;
        recipe.approvedBy = request.approvedBy();
        recipe.testBatchResults = request.testBatchResults();
        recipe.approvalNotes = request.notes();
        recipe.updatedAt = now;
        return mapper.toView(recipe);
    }

    /** PUT /recipes/{id}/status (ours): draft <-> testing, and any version to deprecated; approval has its own. */
    public RecipeView changeStatus(UUID id, RecipeStatusChange request) {
        Recipe recipe = find(id);
        RecipeStatus to = request.status();
        boolean allowed = switch (to) {
            case TESTING -> recipe.status == RecipeStatus.DRAFT;
            case DRAFT -> recipe.status == RecipeStatus.TESTING;
            case DEPRECATED -> recipe.status != RecipeStatus.DEPRECATED;
            case APPROVED -> false;
        };
        if (!allowed) {
            throw transition(recipe, to, to == RecipeStatus.APPROVED ? "use PUT /recipes/{id}/approve"
                    : "the workflow is draft -> (testing ->) approved -> deprecated");
        }
        recipe.status = to;
        recipe.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return mapper.toView(recipe);
    }

    /** The recipe or RECIPE_NOT_FOUND, for other features of the process. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Recipe find(UUID id) {
        return ProcessException.requireFound(id == null ? null : Recipe.findById(id), ProcessErrorCode.RECIPE_NOT_FOUND,
                "recipe", "recipe_id", id);
    }

    private static ProcessException transition(Recipe recipe, RecipeStatus to, String why) {
        return new ProcessException(ProcessErrorCode.INVALID_STATE_TRANSITION, "recipe " + recipe.name + " v"
                + recipe.version + " cannot go from " + recipe.status.value() + " to " + to.value() + ": " + why,
                Map.of("recipe_id", recipe.id.toString(), "status", recipe.status.value()));
    }

    private static ProcessException versionTaken(Recipe recipe) {
        return new ProcessException(ProcessErrorCode.ALREADY_EXISTS, "recipe " + recipe.name + " v" + recipe.version
                + " of product " + recipe.productId + " already exists; write another version",
                Map.of("name", recipe.name, "version", recipe.version, "product_id", recipe.productId.toString()));
    }

    /** An ingredient's unit must convert into the unit inventory counts its material in (mass or volume). */
    private static void requireConvertible(Ingredient ingredient, Material material) {
        Optional<Units.Dimension> stocked = Units.dimension(material.unit());
        if (stocked.isPresent() && !stocked.equals(Units.dimension(ingredient.unit()))) {
            throw invalid("ingredients", "ingredient " + material.name() + " is given in " + ingredient.unit()
                    + " but inventory counts it in " + material.unit() + "; a " + stocked.get().name()
                            .toLowerCase(Locale.ROOT) + " unit is needed");
        }
    }

    private static void validate(CreateRecipe request) {
        Set<Integer> orders = new HashSet<>();
        for (Ingredient ingredient : request.ingredients()) {
            if (!orders.add(ingredient.additionOrder())) {
                throw invalid("ingredients", "two ingredients share addition_order " + ingredient.additionOrder());
            }
            if (Units.dimension(ingredient.unit()).isEmpty()) {
                throw invalid("ingredients", "ingredient " + ingredient.materialId() + " has unit '"
                        + ingredient.unit() + "'; units are " + String.join(", ", Units.ACCEPTED));
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

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.invalidField(field, message);
    }
}
