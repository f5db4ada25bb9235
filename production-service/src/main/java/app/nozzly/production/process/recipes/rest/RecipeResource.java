package app.nozzly.production.process.recipes.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.security.Roles;
import app.nozzly.production.process.ProcessPages;
import app.nozzly.production.process.recipes.RecipeApi.ApproveRecipe;
import app.nozzly.production.process.recipes.RecipeApi.CreateRecipe;
import app.nozzly.production.process.recipes.RecipeApi.RecipeStatusChange;
import app.nozzly.production.process.recipes.RecipeApi.RecipeView;
import app.nozzly.production.process.recipes.RecipeStatus;
import app.nozzly.production.process.recipes.service.RecipeService;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;

/**
 * specs/001 "Gestión de Recetas". Formulations and their approval for production (COFEPRIS) are the tenant's
 * administrators' decision.
 */
@Path("/api/v1/production/recipes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: recipes")
@RolesAllowed(Roles.VIEWER)
public class RecipeResource {

    @Inject
    RecipeService recipes;

    @GET
    public Page<RecipeView> list(@QueryParam("status") RecipeStatus status, @QueryParam("product_id") UUID productId,
            @QueryParam("name") @Size(max = 200) String name,
            @QueryParam("page") @Min(1) @Max(ProcessPages.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(ProcessPages.MAX_LIMIT) Integer limit) {
        return recipes.list(status, productId, name, PageRequest.pageOrAll(page, limit, ProcessPages.DEFAULT_LIMIT));
    }

    /** PRODUCT_NOT_FOUND or MATERIAL_NOT_FOUND (422) in inventory; ALREADY_EXISTS (409) for a version taken. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(201)
    public RecipeView create(@Valid @NotNull CreateRecipe request, @Context SecurityContext security) {
        return recipes.create(request, security.getUserPrincipal().getName());
    }

    /** RECIPE_NOT_FOUND when the tenant has no such recipe. */
    @GET
    @Path("/{recipeId}")
    public RecipeView get(@PathParam("recipeId") UUID recipeId) {
        return recipes.get(recipeId);
    }

    /** PROD011: COFEPRIS compliance not verified; INVALID_STATE_TRANSITION: not a draft or testing version. */
    @PUT
    @Path("/{recipeId}/approve")
    @RolesAllowed(Roles.ADMIN)
    public RecipeView approve(@PathParam("recipeId") UUID recipeId, @Valid @NotNull ApproveRecipe request) {
        return recipes.approve(recipeId, request);
    }

    @PUT
    @Path("/{recipeId}/status")
    @RolesAllowed(Roles.ADMIN)
    public RecipeView changeStatus(@PathParam("recipeId") UUID recipeId,
            @Valid @NotNull RecipeStatusChange request) {
        return recipes.changeStatus(recipeId, request);
    }
}
