package app.nozzly.facilitysim.production.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.facilitysim.catalog.RawMaterial;
import app.nozzly.facilitysim.common.ApiResponse;
import app.nozzly.facilitysim.common.BusinessCode;
import app.nozzly.facilitysim.common.Caller;
import app.nozzly.facilitysim.common.FacilityException;
import app.nozzly.facilitysim.common.Lang;
import app.nozzly.facilitysim.common.LanguageResolver;
import app.nozzly.facilitysim.common.Msg;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.common.Params;
import app.nozzly.facilitysim.production.Production;
import app.nozzly.facilitysim.production.mapping.ProductionMapper;
import app.nozzly.facilitysim.production.mapping.ProductionView;
import app.nozzly.facilitysim.production.service.ProductionQueryService;
import app.nozzly.facilitysim.production.service.ProductionQueryService.HistorySort;
import app.nozzly.facilitysim.production.service.ProductionService;
import app.nozzly.facilitysim.ratelimit.RateLimitBucket;
import app.nozzly.facilitysim.ratelimit.RateLimited;

/**
 * specs/004 sections 1 (produce), 2 (record), 3 (history) and 4 (estimate). Producing is for students of the
 * facility's team; teachers and admins may estimate and read every team's records of their tenant.
 */
@Path("/api/facility/production")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductionResource {

    private static final List<String> STATUSES = List.of(Production.SUCCESS, "FAILED");

    @Inject
    ProductionService production;

    @Inject
    ProductionQueryService queries;

    @Inject
    ProductionMapper mapper;

    @Inject
    LanguageResolver language;

    @Inject
    Caller caller;

    @POST
    @Path("produce")
    @RolesAllowed(Caller.STUDENT)
    @RateLimited(RateLimitBucket.PRODUCE)
    public ApiResponse<ProductionView.Produced> produce(ProductionService.Command command) {
        caller.requireTeam();
        return ApiResponse.ok(language.text(Msg.MATERIALS_PRODUCED),
                mapper.produced(production.produce(command), language.lang()));
    }

    @POST
    @Path("estimate")
    @RolesAllowed({ Caller.STUDENT, Caller.TEACHER, Caller.ADMIN })
    @RateLimited(RateLimitBucket.STATUS)
    public ApiResponse<ProductionView.Estimate> estimate(ProductionService.Command command) {
        if (!caller.isStaff()) {
            caller.requireTeam();
        }
        return ApiResponse.ok(language.text(Msg.ESTIMATE_CALCULATED),
                mapper.estimate(production.estimate(command), language.lang()));
    }

    @GET
    @Path("{productionId}")
    @RolesAllowed({ Caller.STUDENT, Caller.TEACHER, Caller.ADMIN })
    @RateLimited(RateLimitBucket.STATUS)
    public ApiResponse<ProductionView.Detail> record(@PathParam("productionId") String productionId) {
        Production p = parse(productionId).flatMap(queries::production)
                .filter(found -> caller.mayActFor(found.teamId))
                .orElseThrow(() -> new FacilityException(BusinessCode.PRODUCTION_NOT_FOUND, null,
                        "production " + productionId));
        return ApiResponse.ok(language.text(Msg.PRODUCTION_RECORD_RETRIEVED),
                mapper.record(p, RawMaterial.findById(p.rawMaterialId), language.lang()));
    }

    @GET
    @RolesAllowed({ Caller.STUDENT, Caller.TEACHER, Caller.ADMIN })
    @RateLimited(RateLimitBucket.LIST)
    public ApiResponse<ProductionView.History> history(@QueryParam("facilityId") String facilityId,
            @QueryParam("teamId") String teamId, @QueryParam("status") String status,
            @QueryParam("startDate") String startDate, @QueryParam("endDate") String endDate,
            @QueryParam("page") String page, @QueryParam("limit") String limit, @QueryParam("sortBy") String sortBy,
            @QueryParam("sortOrder") String sortOrder) {
        FacilityException.Validator v = new FacilityException.Validator();
        Optional<UUID> facility = Params.uuid(v, "facilityId", facilityId);
        Optional<UUID> team = Params.uuid(v, "teamId", teamId);
        Optional<String> statusFilter = Optional.ofNullable(status).filter(s -> !s.isBlank()).map(String::trim);
        if (statusFilter.isPresent() && !STATUSES.contains(statusFilter.get())) {
            v.add("status", Msg.ONE_OF, "[SUCCESS, FAILED]");
        }
        HistorySort sort = HistorySort.PRODUCED_AT;
        if (sortBy != null && !sortBy.isBlank()) {
            sort = Arrays.stream(HistorySort.values()).filter(s -> s.field.equals(sortBy.trim()))
                    .findFirst().orElse(null);
            if (sort == null) {
                v.add("sortBy", Msg.ONE_OF, "[producedAt, totalCost, quantity, productionNumber]");
                sort = HistorySort.PRODUCED_AT;
            }
        }
        ProductionQueryService.HistoryFilter filter = new ProductionQueryService.HistoryFilter(facility, team,
                statusFilter, Params.from(v, "startDate", startDate), Params.until(v, "endDate", endDate), sort,
                Params.descending(v, sortOrder, true), PageRequest.of(v, page, limit, 20));
        v.throwIfAny();
        filter = new ProductionQueryService.HistoryFilter(filter.facilityId(), caller.scopeTeam(team),
                filter.status(), filter.from(), filter.until(), filter.sortBy(), filter.descending(), filter.page());
        ProductionQueryService.PageOf<Production> result = queries.history(filter);
        Lang lang = language.lang();
        return ApiResponse.ok(language.text(Msg.PRODUCTION_HISTORY_RETRIEVED), new ProductionView.History(
                result.items().stream().map(p -> mapper.historyItem(p, RawMaterial.findById(p.rawMaterialId), lang))
                        .toList(),
                filter.page().pagination(result.total())));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
