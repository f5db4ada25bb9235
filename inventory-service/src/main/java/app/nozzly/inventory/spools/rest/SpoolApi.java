package app.nozzly.inventory.spools.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.materialtypes.rest.MaterialTypeApi;

/**
 * Wire records of /api/v1/spools (module README, "Other endpoints"); bounds are those of the spool table. Grams
 * and costs may carry more decimals than stored: they are rounded half up to the milligram and a millionth.
 */
public final class SpoolApi {

    /** A colour as #RRGGBB or #RRGGBBAA (the # optional), or blank for none. */
    public static final String COLOR_HEX = "\\s*(#?([0-9A-Fa-f]{6}|[0-9A-Fa-f]{8}))?\\s*";
    /** cost_per_gram is numeric(14, 6). */
    public static final String MAX_COST_PER_GRAM = "99999999.999999";
    public static final String MAX_COST_PER_KG = "99999999999.999";

    private SpoolApi() {
    }

    /**
     * A new spool. material_type is a material type code (PLA); spool_id is generated (FIL-001) when absent;
     * current_weight_grams defaults to the initial weight and is received into stock through the ledger.
     * Give cost_per_gram or cost_per_kg: one is stored, the other derived.
     */
    public record CreateSpool(@Size(max = 40) String spoolId, @Size(max = 100) String brand,
            @Size(max = 100) String color, @Pattern(regexp = COLOR_HEX) String colorHex,
            @NotBlank @Size(max = 32) String materialType,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Digits(integer = 3, fraction = 2)
            BigDecimal diameterMm,
            @NotNull @DecimalMin(Quantities.MIN) @DecimalMax(Quantities.MAX_SPOOL_GRAMS) BigDecimal initialWeightGrams,
            @DecimalMin("0") @DecimalMax(Quantities.MAX_SPOOL_GRAMS) BigDecimal currentWeightGrams,
            @DecimalMin("0") @DecimalMax(Quantities.MAX_SPOOL_GRAMS) BigDecimal emptySpoolWeightGrams,
            @DecimalMin("0") @DecimalMax(MAX_COST_PER_GRAM) BigDecimal costPerGram,
            @DecimalMin("0") @DecimalMax(MAX_COST_PER_KG) BigDecimal costPerKg,
            @DecimalMin("0") @DecimalMax(Quantities.MAX_SPOOL_GRAMS) BigDecimal lowStockThresholdGrams,
            @Size(max = 100) String location, @Size(max = 64) String lot, LocalDate purchasedAt) {
    }

    /** Partial update of a spool's description; its weight changes only through movements and weighings. */
    public record UpdateSpool(@Size(max = 40) String spoolId, @Size(max = 100) String brand,
            @Size(max = 100) String color, @Pattern(regexp = COLOR_HEX) String colorHex,
            @Size(max = 32) String materialType,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Digits(integer = 3, fraction = 2)
            BigDecimal diameterMm,
            @DecimalMin(Quantities.MIN) @DecimalMax(Quantities.MAX_SPOOL_GRAMS) BigDecimal initialWeightGrams,
            @DecimalMin("0") @DecimalMax(Quantities.MAX_SPOOL_GRAMS) BigDecimal emptySpoolWeightGrams,
            @DecimalMin("0") @DecimalMax(MAX_COST_PER_GRAM) BigDecimal costPerGram,
            @DecimalMin("0") @DecimalMax(MAX_COST_PER_KG) BigDecimal costPerKg,
            @DecimalMin("0") @DecimalMax(Quantities.MAX_SPOOL_GRAMS) BigDecimal lowStockThresholdGrams,
            @Size(max = 100) String location, @Size(max = 64) String lot, LocalDate purchasedAt, Boolean archived) {
    }

    public record SpoolView(UUID id, String spoolId, String brand, String color, String colorHex,
            MaterialTypeApi.MaterialTypeRef materialType, BigDecimal diameterMm, BigDecimal initialWeightGrams,
            BigDecimal currentWeightGrams, BigDecimal reservedGrams, BigDecimal availableGrams,
            BigDecimal emptySpoolWeightGrams, BigDecimal costPerGram, BigDecimal costPerKg,
            BigDecimal lowStockThresholdGrams, boolean lowStock, String location, String lot, LocalDate purchasedAt,
            boolean archived, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** A weighing: the gross weight on the scale (spool plus its empty-spool tare). */
    public record Weigh(@NotNull @DecimalMin("0") @DecimalMax(Quantities.MAX_SPOOL_GRAMS) BigDecimal grossWeightGrams,
            @Size(max = 2000) String note) {
    }

    public record WeighingView(UUID spoolId, UUID movementId, BigDecimal grossWeightGrams,
            BigDecimal emptySpoolWeightGrams, BigDecimal netWeightGrams, BigDecimal expectedWeightGrams,
            BigDecimal varianceGrams, BigDecimal currentWeightGrams, OffsetDateTime weighedAt) {
    }
}
