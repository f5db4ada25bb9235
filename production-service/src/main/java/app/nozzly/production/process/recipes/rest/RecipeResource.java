package app.nozzly.production.process.recipes.rest;

import static app.nozzly.production.process.ProcessParams.PARAMS;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import app.nozzly.production.process.errors.ProcessError;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessErrors;
import app.nozzly.production.process.recipes.RecipeApi.ApproveRecipe;
import app.nozzly.production.process.recipes.RecipeApi.CreateRecipe;
import app.nozzly.production.process.recipes.RecipeApi.RecipeStatusChange;
import app.nozzly.production.process.recipes.RecipeApi.RecipeView;
import app.nozzly.production.process.recipes.RecipeStatus;
import app.nozzly.production.process.recipes.service.RecipeService;
import app.nozzly.production.support.Page;
import app.nozzly.production.process.ProcessParams;

/** specs/001 "Gestión de Recetas". Errors: {"error": {"code", "message", "details"}}. */
@Path("/api/v1/production/recipes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: recipes")
@APIResponse(responseCode = "400", description = "invalid input (VALIDATION_ERROR)",
        content = @Content(schema = @Schema(implementation = ProcessError.class)))
public class RecipeResource {

    @Inject
    RecipeService recipes;

    @GET
    public Page<RecipeView> list(@QueryParam("status") String status, @QueryParam("product_id") String productId,
            @QueryParam("name") String name, @QueryParam("page") String page, @QueryParam("limit") String limit) {
        return recipes.list(PARAMS.oneOf("status", status, RecipeStatus.class),
                PARAMS.uuid("product_id", productId), name, ProcessParams.pageOrAll(page, limit));
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "422", description = "PRODUCT_NOT_FOUND or MATERIAL_NOT_FOUND in inventory",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public RecipeView create(@Valid @NotNull CreateRecipe request, @Context SecurityContext security) {
        return recipes.create(request, security.getUserPrincipal().getName());
    }

    @GET
    @Path("/{recipeId}")
    @APIResponse(responseCode = "404", description = "RECIPE_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public RecipeView get(@PathParam("recipeId") String recipeId) {
        return recipes.get(ProcessParams.id(recipeId, ProcessErrorCode.RECIPE_NOT_FOUND, "recipe"));
    }

    @PUT
    @Path("/{recipeId}/approve")
    @APIResponse(responseCode = "422", description = "PROD011: COFEPRIS compliance not verified",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: only a recipe in testing",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public RecipeView approve(@PathParam("recipeId") String recipeId, @Valid @NotNull ApproveRecipe request) {
        return recipes.approve(ProcessParams.id(recipeId, ProcessErrorCode.RECIPE_NOT_FOUND, "recipe"), request);
    }

    @PUT
    @Path("/{recipeId}/status")
    public RecipeView changeStatus(@PathParam("recipeId") String recipeId,
            @Valid @NotNull RecipeStatusChange request) {
        return recipes.changeStatus(ProcessParams.id(recipeId, ProcessErrorCode.RECIPE_NOT_FOUND, "recipe"), request);
    }

    @ServerExceptionMapper
    Response invalid(ConstraintViolationException e) {
        return ProcessErrors.invalid(e);
    }

    @ServerExceptionMapper
    Response invalidBody(JsonProcessingException e) {
        return ProcessErrors.invalidJson(e);
    }
}
