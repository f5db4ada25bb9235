package app.nozzly.facilitysim.production.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.facilitysim.common.ApiResponse;
import app.nozzly.facilitysim.common.BusinessCode;
import app.nozzly.facilitysim.common.Caller;
import app.nozzly.facilitysim.common.DateBound;
import app.nozzly.facilitysim.common.FacilityException;
import app.nozzly.facilitysim.common.Lang;
import app.nozzly.facilitysim.common.Msg;
import app.nozzly.facilitysim.common.PageOf;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.common.SortOrder;
import app.nozzly.facilitysim.production.Production;
import app.nozzly.facilitysim.production.ProductionStatus;
import app.nozzly.facilitysim.production.mapping.ProductionView;
import app.nozzly.facilitysim.production.service.ProductionQueryService;
import app.nozzly.facilitysim.production.service.ProductionQueryService.HistorySort;
import app.nozzly.facilitysim.production.service.ProductionService;
import app.nozzly.platform.ratelimit.RateLimited;
import app.nozzly.platform.security.Roles;

/**
 * specs/004 sections 1 (produce), 2 (record), 3 (history) and 4 (estimate). Producing is for students of the
 * facility's team; teachers and the tenant's platform roles (viewer and above) estimate and read every team's
 * records of their tenant.
 */
@Path("/api/facility/production")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.STUDENT, Caller.TEACHER, Roles.VIEWER })
public class ProductionResource extends ProductionReads {

    @Inject
    ProductionService production;

    @POST
    @Path("produce")
    @RolesAllowed(Caller.STUDENT)
    @RateLimited("produce")
    public ApiResponse<ProductionView.Produced> produce(@Valid @NotNull ProductionService.Command body) {
        caller.requireTeam();
        return ApiResponse.ok(language.text(Msg.MATERIALS_PRODUCED),
                mapper.produced(production.produce(body), language.lang()));
    }

    /** Changes nothing, so every reader of the tenant may plan. */
    @POST
    @Path("estimate")
    @RateLimited("status")
    public ApiResponse<ProductionView.Estimate> estimate(@Valid @NotNull ProductionService.Command body) {
        if (!caller.isStaff()) {
            caller.requireTeam();
        }
        return ApiResponse.ok(language.text(Msg.ESTIMATE_CALCULATED),
                mapper.estimate(production.estimate(body), language.lang()));
    }

    @GET
    @Path("{productionId}")
    @RateLimited("status")
    public ApiResponse<ProductionView.Detail> record(@PathParam("productionId") UUID productionId) {
        Production p = queries.production(productionId)
                .filter(found -> caller.mayActFor(found.teamId))
                .orElseThrow(() -> FacilityException.notFound(BusinessCode.PRODUCTION_NOT_FOUND, productionId));
        return ApiResponse.ok(language.text(Msg.PRODUCTION_RECORD_RETRIEVED),
                mapper.record(p, language.lang()));
    }

    @GET
    @RateLimited("list")
    public ApiResponse<ProductionView.History> history(@QueryParam("facilityId") UUID facilityId,
            @QueryParam("teamId") UUID teamId, @QueryParam("status") ProductionStatus status,
            @QueryParam("startDate") DateBound startDate, @QueryParam("endDate") DateBound endDate,
            @QueryParam("page") @Min(1) @Max(PageRequest.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
            @QueryParam("sortBy") HistorySort sortBy, @QueryParam("sortOrder") SortOrder sortOrder) {
        ProductionQueryService.HistoryFilter filter = new ProductionQueryService.HistoryFilter(
                Optional.ofNullable(facilityId), caller.scopeTeam(Optional.ofNullable(teamId)),
                Optional.ofNullable(status).map(ProductionStatus::name),
                Optional.ofNullable(startDate).map(DateBound::from), Optional.ofNullable(endDate).map(DateBound::until),
                sortBy == null ? HistorySort.PRODUCED_AT : sortBy, sortOrder != SortOrder.ASC,
                PageRequest.of(page, limit, 20));
        PageOf<Production> result = queries.history(filter);
        Lang lang = language.lang();
        return ApiResponse.ok(language.text(Msg.PRODUCTION_HISTORY_RETRIEVED), new ProductionView.History(
                result.items().stream().map(p -> mapper.historyItem(p, lang)).toList(),
                filter.page().pagination(result.total())));
    }
}
