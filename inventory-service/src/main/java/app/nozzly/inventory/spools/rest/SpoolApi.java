package app.nozzly.inventory.spools.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import app.nozzly.inventory.materialtypes.rest.MaterialTypeApi;

/** Wire records of /api/v1/spools (module README, "API for other services"). */
public final class SpoolApi {

    private SpoolApi() {
    }

    /**
     * A new spool. material_type is a material type code (PLA); spool_id is generated (FIL-001) when absent;
     * current_weight_grams defaults to the initial weight and is received into stock through the ledger.
     * Give cost_per_gram or cost_per_kg: one is stored, the other derived.
     */
    public record CreateSpool(String spoolId, String brand, String color, String colorHex, String materialType,
            BigDecimal diameterMm, BigDecimal initialWeightGrams, BigDecimal currentWeightGrams,
            BigDecimal emptySpoolWeightGrams, BigDecimal costPerGram, BigDecimal costPerKg,
            BigDecimal lowStockThresholdGrams, String location, String lot, LocalDate purchasedAt) {
    }

    /** Partial update of a spool's description; its weight changes only through movements and weighings. */
    public record UpdateSpool(String spoolId, String brand, String color, String colorHex, String materialType,
            BigDecimal diameterMm, BigDecimal initialWeightGrams, BigDecimal emptySpoolWeightGrams,
            BigDecimal costPerGram, BigDecimal costPerKg, BigDecimal lowStockThresholdGrams, String location,
            String lot, LocalDate purchasedAt, Boolean archived) {
    }

    public record SpoolView(UUID id, String spoolId, String brand, String color, String colorHex,
            MaterialTypeApi.MaterialTypeRef materialType, BigDecimal diameterMm, BigDecimal initialWeightGrams,
            BigDecimal currentWeightGrams, BigDecimal reservedGrams, BigDecimal availableGrams,
            BigDecimal emptySpoolWeightGrams, BigDecimal costPerGram, BigDecimal costPerKg,
            BigDecimal lowStockThresholdGrams, boolean lowStock, String location, String lot, LocalDate purchasedAt,
            boolean archived, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** A weighing: the gross weight on the scale (spool plus its empty-spool tare). */
    public record Weigh(BigDecimal grossWeightGrams, String note) {
    }

    public record WeighingView(UUID spoolId, UUID movementId, BigDecimal grossWeightGrams,
            BigDecimal emptySpoolWeightGrams, BigDecimal netWeightGrams, BigDecimal expectedWeightGrams,
            BigDecimal varianceGrams, BigDecimal currentWeightGrams, OffsetDateTime weighedAt) {
    }
}
