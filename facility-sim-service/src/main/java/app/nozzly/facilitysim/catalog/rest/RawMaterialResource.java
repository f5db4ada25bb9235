package app.nozzly.facilitysim.catalog.rest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.facilitysim.catalog.RawMaterial;
import app.nozzly.facilitysim.catalog.mapping.RawMaterialMapper;
import app.nozzly.facilitysim.catalog.mapping.RawMaterialView;
import app.nozzly.facilitysim.catalog.service.RawMaterialService;
import app.nozzly.facilitysim.catalog.service.RawMaterialService.SortField;
import app.nozzly.facilitysim.common.ApiResponse;
import app.nozzly.facilitysim.common.BusinessCode;
import app.nozzly.facilitysim.common.Caller;
import app.nozzly.facilitysim.common.FacilityException;
import app.nozzly.facilitysim.common.Lang;
import app.nozzly.facilitysim.common.LanguageResolver;
import app.nozzly.facilitysim.common.Msg;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.common.SortOrder;
import app.nozzly.facilitysim.world.FacilityType;
import app.nozzly.platform.ratelimit.RateLimited;
import app.nozzly.platform.security.Roles;

/** specs/004 section 6 (List Raw Materials) and 7 (Get Raw Material Details): the catalog every player reads. */
@Path("/api/facility/raw-materials")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.STUDENT, Caller.TEACHER, Roles.VIEWER })
public class RawMaterialResource {

    @Inject
    RawMaterialService materials;

    @Inject
    RawMaterialMapper mapper;

    @Inject
    LanguageResolver language;

    @GET
    @RateLimited("list")
    public ApiResponse<RawMaterialView.Page> list(@QueryParam("origin") FacilityType origin,
            @QueryParam("search") @Size(max = 100) String search,
            @QueryParam("page") @Min(1) @Max(PageRequest.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
            @QueryParam("sortBy") SortField sortBy, @QueryParam("sortOrder") SortOrder sortOrder) {
        if (origin != null && !origin.producesMaterials()) {
            throw FacilityException.invalid("origin", Msg.ONE_OF, Arrays.toString(FacilityType.ORIGINS));
        }
        PageRequest paging = PageRequest.of(page, limit, 50);
        Lang lang = language.lang();
        RawMaterialService.Result result = materials.list(new RawMaterialService.Query(Optional.ofNullable(origin),
                Optional.ofNullable(search).map(String::trim).filter(s -> !s.isEmpty()),
                sortBy == null ? SortField.MATERIAL_NUMBER : sortBy, sortOrder == SortOrder.DESC, paging, lang));
        Map<String, Long> byOrigin = new LinkedHashMap<>();
        result.byOrigin().forEach((k, n) -> byOrigin.put(k.name(), n));
        return ApiResponse.ok(language.text(Msg.RAW_MATERIALS_RETRIEVED), new RawMaterialView.Page(
                result.materials().stream().map(m -> mapper.summary(m, lang)).toList(),
                new RawMaterialView.ListSummary(result.totalItems(), byOrigin),
                paging.pagination(result.totalItems())));
    }

    @GET
    @Path("{materialId}")
    @RateLimited("status")
    public ApiResponse<RawMaterialView.Detail> detail(@PathParam("materialId") Long materialId) {
        RawMaterial material = materials.find(materialId)
                .orElseThrow(() -> FacilityException.notFound(BusinessCode.MATERIAL_NOT_FOUND, materialId));
        return ApiResponse.ok(language.text(Msg.MATERIAL_DETAILS_RETRIEVED), mapper.detail(material, language.lang()));
    }
}
