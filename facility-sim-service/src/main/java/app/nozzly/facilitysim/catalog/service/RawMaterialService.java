package app.nozzly.facilitysim.catalog.service;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.nozzly.facilitysim.catalog.RawMaterial;
import app.nozzly.facilitysim.common.Lang;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.common.WireName;
import app.nozzly.facilitysim.world.FacilityType;

/** Reads of the raw-material catalog (specs/004 sections 6 and 7). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RawMaterialService {

    /** Sort fields of specs/004 section 6. */
    @Schema(enumeration = { "materialNumber", "name", "origin", "totalCost" })
    public enum SortField implements WireName {
        MATERIAL_NUMBER("materialNumber"), NAME("name"), ORIGIN("origin"), TOTAL_COST("totalCost");

        private final String apiName;

        SortField(String apiName) {
            this.apiName = apiName;
        }

        @Override
        public String wireName() {
            return apiName;
        }
    }

    public record Query(Optional<FacilityType> origin, Optional<String> search, SortField sortBy, boolean descending,
            PageRequest page, Lang lang) {
    }

    public record Result(List<RawMaterial> materials, long totalItems, Map<FacilityType, Long> byOrigin) {
    }

    @Inject
    EntityManager em;

    public Optional<RawMaterial> find(long id) {
        return RawMaterial.findByIdOptional(id);
    }

    public Result list(Query query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        query.origin().ifPresent(o -> {
            where.append(" and m.origin = :origin");
            params.put("origin", o);
        });
        query.search().ifPresent(s -> {
            where.append(" and (lower(m.nameEn) like :search escape '\\' or m.nameZh like :search escape '\\')");
            params.put("search", "%" + s.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        });
        String column = switch (query.sortBy()) {
            case MATERIAL_NUMBER -> "m.materialNumber";
            case NAME -> query.lang() == Lang.EN ? "m.nameEn" : "m.nameZh";
            case ORIGIN -> "m.origin";
            case TOTAL_COST -> "m.totalCost";
        };
        String direction = query.descending() ? " desc" : " asc";
        var select = em.createQuery("select m from RawMaterial m" + where + " order by " + column + direction
                + ", m.materialNumber" + direction, RawMaterial.class);
        var counts = em.createQuery("select m.origin, count(m) from RawMaterial m" + where + " group by m.origin",
                Object[].class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            counts.setParameter(k, v);
        });
        Map<FacilityType, Long> byOrigin = new EnumMap<>(FacilityType.class);
        for (FacilityType origin : FacilityType.ORIGINS) {
            byOrigin.put(origin, 0L);
        }
        long total = 0;
        for (Object[] row : counts.getResultList()) {
            byOrigin.put((FacilityType) row[0], (Long) row[1]);
            total += (Long) row[1];
        }
        List<RawMaterial> page = select.setFirstResult(query.page().offset()).setMaxResults(query.page().limit())
                .getResultList();
        return new Result(page, total, byOrigin);
    }
}
