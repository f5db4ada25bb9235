package app.nozzly.facilitysim.production.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** data of facility.production.completed on topic facility.events, keyed by the producing team's id. */
public record ProductionCompleted(UUID productionId, String productionNumber, UUID teamId, UUID facilityId,
        long rawMaterialId, int materialNumber, BigDecimal quantity, BigDecimal waterConsumed,
        BigDecimal powerConsumed, BigDecimal waterCost, BigDecimal powerCost, BigDecimal materialBaseCost,
        BigDecimal totalCost, BigDecimal spaceUsed, OffsetDateTime producedAt) {

    public static final String TYPE = "facility.production.completed";
}
