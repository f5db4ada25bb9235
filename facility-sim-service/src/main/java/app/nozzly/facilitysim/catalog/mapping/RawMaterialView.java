package app.nozzly.facilitysim.catalog.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import app.nozzly.facilitysim.common.PageRequest;

/** API records of specs/004 sections 6 and 7 (raw materials). */
public final class RawMaterialView {

    private RawMaterialView() {
    }

    public record Summary(long id, int materialNumber, String origin, String name, BigDecimal waterRequired,
            BigDecimal powerRequired, BigDecimal totalCost, BigDecimal goldCost, BigDecimal carbonEmission,
            String requiredFacilityType) {
    }

    public record ListSummary(long totalMaterials, Map<String, Long> byOrigin) {
    }

    public record Page(List<Summary> materials, ListSummary summary, PageRequest.Pagination pagination) {
    }

    public record Example(int quantity, BigDecimal waterNeeded, BigDecimal powerNeeded, BigDecimal totalCost,
            BigDecimal spaceRequired) {
    }

    public record Examples(Example small, Example medium, Example large) {
    }

    public record Detail(long id, int materialNumber, String origin, String name, BigDecimal waterRequired,
            BigDecimal powerRequired, BigDecimal totalCost, BigDecimal goldCost, BigDecimal carbonEmission,
            String requiredFacilityType, List<String> requiredConnections, BigDecimal spacePerUnit,
            Examples examples) {
    }
}
