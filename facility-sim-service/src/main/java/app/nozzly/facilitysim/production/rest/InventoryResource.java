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
import app.nozzly.facilitysim.common.Lang;
import app.nozzly.facilitysim.common.Msg;
import app.nozzly.facilitysim.common.PageOf;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.production.InventoryItem;
import app.nozzly.facilitysim.production.mapping.ProductionView;
import app.nozzly.platform.ratelimit.RateLimited;
import app.nozzly.platform.security.Roles;

/**
 * A team's raw-material inventory, where produce puts its output (specs/004 update of 2025-09-06: one item per
 * material and facility, weighted-average unit cost, production history in the metadata).
 */
@Path("/api/facility/inventory")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.STUDENT, Caller.TEACHER, Roles.VIEWER })
public class InventoryResource extends ProductionReads {

    @GET
    @RateLimited("list")
    public ApiResponse<ProductionView.Inventory> list(@QueryParam("teamId") UUID teamId,
            @QueryParam("facilityId") UUID facilityId,
            @QueryParam("page") @Min(1) @Max(PageRequest.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit) {
        PageRequest paging = PageRequest.of(page, limit, 20);
        PageOf<InventoryItem> result = queries.inventory(
                caller.scopeTeam(Optional.ofNullable(teamId)), Optional.ofNullable(facilityId), paging);
        Lang lang = language.lang();
        return ApiResponse.ok(language.text(Msg.INVENTORY_RETRIEVED), new ProductionView.Inventory(
                result.items().stream().map(i -> mapper.item(i, lang)).toList(),
                paging.pagination(result.total())));
    }
}
