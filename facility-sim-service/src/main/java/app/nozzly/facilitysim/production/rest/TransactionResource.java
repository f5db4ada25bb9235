package app.nozzly.facilitysim.production.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.facilitysim.common.ApiResponse;
import app.nozzly.facilitysim.common.Caller;
import app.nozzly.facilitysim.common.FacilityException;
import app.nozzly.facilitysim.common.LanguageResolver;
import app.nozzly.facilitysim.common.Msg;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.common.Params;
import app.nozzly.facilitysim.production.mapping.ProductionMapper;
import app.nozzly.facilitysim.production.mapping.ProductionView;
import app.nozzly.facilitysim.production.service.ProductionQueryService;
import app.nozzly.facilitysim.ratelimit.RateLimitBucket;
import app.nozzly.facilitysim.ratelimit.RateLimited;
import app.nozzly.facilitysim.world.ResourceType;

/** specs/004 section 5 (Get Resource Transactions): a student sees their own team's side of each sale. */
@Path("/api/facility/transactions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.STUDENT, Caller.TEACHER, Caller.ADMIN })
public class TransactionResource {

    private enum Role {
        CONSUMER, PROVIDER
    }

    @Inject
    ProductionQueryService queries;

    @Inject
    ProductionMapper mapper;

    @Inject
    LanguageResolver language;

    @Inject
    Caller caller;

    @GET
    @RateLimited(RateLimitBucket.LIST)
    public ApiResponse<ProductionView.Transactions> list(@QueryParam("facilityId") String facilityId,
            @QueryParam("teamId") String teamId, @QueryParam("resourceType") String resourceType,
            @QueryParam("transactionType") String transactionType, @QueryParam("startDate") String startDate,
            @QueryParam("endDate") String endDate, @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        FacilityException.Validator v = new FacilityException.Validator();
        Optional<UUID> facility = Params.uuid(v, "facilityId", facilityId);
        Optional<UUID> team = Params.uuid(v, "teamId", teamId);
        Optional<ResourceType> type = Params.enumValue(v, "resourceType", resourceType, ResourceType.values());
        Optional<Role> role = Params.enumValue(v, "transactionType", transactionType, Role.values());
        var from = Params.from(v, "startDate", startDate);
        var until = Params.until(v, "endDate", endDate);
        PageRequest paging = PageRequest.of(v, page, limit, 20);
        v.throwIfAny();
        ProductionQueryService.TransactionPage result = queries.transactions(new ProductionQueryService
                .TransactionFilter(facility, caller.scopeTeam(team), type, role.map(Role::name), from, until, paging));
        return ApiResponse.ok(language.text(Msg.TRANSACTIONS_RETRIEVED), new ProductionView.Transactions(
                result.items().stream().map(mapper::transaction).toList(),
                new ProductionView.TransactionSummary(result.total(), result.totalAmount(), new ProductionView.ByType(
                        new ProductionView.TypeSummary(result.water().count(), result.water().amount()),
                        new ProductionView.TypeSummary(result.power().count(), result.power().amount()))),
                paging.pagination(result.total()).plain()));
    }
}
