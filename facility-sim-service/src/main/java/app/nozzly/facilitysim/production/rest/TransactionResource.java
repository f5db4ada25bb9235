package app.nozzly.facilitysim.production.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.facilitysim.common.ApiResponse;
import app.nozzly.facilitysim.common.Caller;
import app.nozzly.facilitysim.common.DateBound;
import app.nozzly.facilitysim.common.Msg;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.production.mapping.ProductionView;
import app.nozzly.facilitysim.production.service.ProductionQueryService;
import app.nozzly.facilitysim.world.ResourceType;
import app.nozzly.platform.ratelimit.RateLimited;
import app.nozzly.platform.security.Roles;

/** specs/004 section 5 (Get Resource Transactions): a student sees their own team's side of each sale. */
@Path("/api/facility/transactions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.STUDENT, Caller.TEACHER, Roles.VIEWER })
public class TransactionResource extends ProductionReads {

    /** transactionType of specs/004 section 5: which side of the sale. */
    public enum TransactionType {
        CONSUMER, PROVIDER
    }

    @GET
    @RateLimited("list")
    public ApiResponse<ProductionView.Transactions> list(@QueryParam("facilityId") UUID facilityId,
            @QueryParam("teamId") UUID teamId, @QueryParam("resourceType") ResourceType resourceType,
            @QueryParam("transactionType") TransactionType transactionType,
            @QueryParam("startDate") DateBound startDate, @QueryParam("endDate") DateBound endDate,
            @QueryParam("page") @Min(1) @Max(PageRequest.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit) {
        PageRequest paging = PageRequest.of(page, limit, 20);
        ProductionQueryService.TransactionPage result = queries.transactions(new ProductionQueryService
                .TransactionFilter(Optional.ofNullable(facilityId), caller.scopeTeam(Optional.ofNullable(teamId)),
                        Optional.ofNullable(resourceType), Optional.ofNullable(transactionType).map(Enum::name),
                        Optional.ofNullable(startDate).map(DateBound::from),
                        Optional.ofNullable(endDate).map(DateBound::until), paging));
        return ApiResponse.ok(language.text(Msg.TRANSACTIONS_RETRIEVED), new ProductionView.Transactions(
                result.items().stream().map(mapper::transaction).toList(),
                new ProductionView.TransactionSummary(result.total(), result.totalAmount(), new ProductionView.ByType(
                        new ProductionView.TypeSummary(result.water().count(), result.water().amount()),
                        new ProductionView.TypeSummary(result.power().count(), result.power().amount()))),
                paging.pagination(result.total()).plain()));
    }
}
