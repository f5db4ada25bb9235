package app.nozzly.facilitysim.catalog.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import app.nozzly.facilitysim.common.Params;
import app.nozzly.facilitysim.ratelimit.RateLimitBucket;
import app.nozzly.facilitysim.ratelimit.RateLimited;
import app.nozzly.facilitysim.world.FacilityType;

/** specs/004 section 6 (List Raw Materials) and 7 (Get Raw Material Details). */
@Path("/api/facility/raw-materials")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.STUDENT, Caller.TEACHER, Caller.ADMIN })
public class RawMaterialResource {

    @Inject
    RawMaterialService materials;

    @Inject
    RawMaterialMapper mapper;

    @Inject
    LanguageResolver language;

    @GET
    @RateLimited(RateLimitBucket.LIST)
    public ApiResponse<RawMaterialView.Page> list(@QueryParam("origin") String origin,
            @QueryParam("search") String search, @QueryParam("page") String page, @QueryParam("limit") String limit,
            @QueryParam("sortBy") String sortBy, @QueryParam("sortOrder") String sortOrder) {
        FacilityException.Validator v = new FacilityException.Validator();
        Optional<FacilityType> originFilter = Params.enumValue(v, "origin", origin, FacilityType.ORIGINS);
        SortField sort = sortField(v, sortBy);
        boolean descending = Params.descending(v, sortOrder, false);
        PageRequest paging = PageRequest.of(v, page, limit, 50);
        v.throwIfAny();
        Lang lang = language.lang();
        RawMaterialService.Result result = materials.list(new RawMaterialService.Query(originFilter,
                Optional.ofNullable(search).map(String::trim).filter(s -> !s.isEmpty()), sort, descending, paging,
                lang));
        Map<String, Long> byOrigin = new LinkedHashMap<>();
        result.byOrigin().forEach((k, n) -> byOrigin.put(k.name(), n));
        return ApiResponse.ok(language.text(Msg.RAW_MATERIALS_RETRIEVED), new RawMaterialView.Page(
                result.materials().stream().map(m -> mapper.summary(m, lang)).toList(),
                new RawMaterialView.ListSummary(result.totalItems(), byOrigin),
                paging.pagination(result.totalItems())));
    }

    @GET
    @Path("{materialId}")
    @RateLimited(RateLimitBucket.STATUS)
    public ApiResponse<RawMaterialView.Detail> detail(@PathParam("materialId") String materialId) {
        RawMaterial material = materials.find(parseId(materialId))
                .orElseThrow(() -> new FacilityException(BusinessCode.MATERIAL_NOT_FOUND, null,
                        "raw material " + materialId));
        return ApiResponse.ok(language.text(Msg.MATERIAL_DETAILS_RETRIEVED), mapper.detail(material, language.lang()));
    }

    private static long parseId(String materialId) {
        try {
            return Long.parseLong(materialId.trim());
        } catch (NumberFormatException e) {
            throw FacilityException.invalid("materialId", Msg.NOT_AN_ID);
        }
    }

    private static SortField sortField(FacilityException.Validator v, String sortBy) {
        if (sortBy == null || sortBy.isBlank()) {
            return SortField.MATERIAL_NUMBER;
        }
        for (SortField field : SortField.values()) {
            if (field.apiName.equalsIgnoreCase(sortBy.trim())) {
                return field;
            }
        }
        v.add("sortBy", Msg.ONE_OF, "[materialNumber, name, origin, totalCost]");
        return SortField.MATERIAL_NUMBER;
    }
}
