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

import app.nozzly.facilitysim.catalog.RawMaterial;
import app.nozzly.facilitysim.common.ApiResponse;
import app.nozzly.facilitysim.common.Caller;
import app.nozzly.facilitysim.common.FacilityException;
import app.nozzly.facilitysim.common.Lang;
import app.nozzly.facilitysim.common.LanguageResolver;
import app.nozzly.facilitysim.common.Msg;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.common.Params;
import app.nozzly.facilitysim.production.InventoryItem;
import app.nozzly.facilitysim.production.mapping.ProductionMapper;
import app.nozzly.facilitysim.production.mapping.ProductionView;
import app.nozzly.facilitysim.production.service.ProductionQueryService;
import app.nozzly.facilitysim.ratelimit.RateLimitBucket;
import app.nozzly.facilitysim.ratelimit.RateLimited;

/**
 * A team's raw-material inventory, where produce puts its output (specs/004 update of 2025-09-06: one item per
 * material and facility, weighted-average unit cost, production history in the metadata).
 */
@Path("/api/facility/inventory")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.STUDENT, Caller.TEACHER, Caller.ADMIN })
public class InventoryResource {

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
    public ApiResponse<ProductionView.Inventory> list(@QueryParam("teamId") String teamId,
            @QueryParam("facilityId") String facilityId, @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        FacilityException.Validator v = new FacilityException.Validator();
        Optional<UUID> team = Params.uuid(v, "teamId", teamId);
        Optional<UUID> facility = Params.uuid(v, "facilityId", facilityId);
        PageRequest paging = PageRequest.of(v, page, limit, 20);
        v.throwIfAny();
        ProductionQueryService.PageOf<InventoryItem> result = queries.inventory(caller.scopeTeam(team), facility,
                paging);
        Lang lang = language.lang();
        return ApiResponse.ok(language.text(Msg.INVENTORY_RETRIEVED), new ProductionView.Inventory(
                result.items().stream().map(i -> mapper.item(i, RawMaterial.findById(i.rawMaterialId), lang))
                        .toList(),
                paging.pagination(result.total())));
    }
}
