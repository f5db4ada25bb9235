package app.nozzly.inventory.filaments.rest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.spools.Spool;
import app.nozzly.inventory.spools.SpoolStock;
import app.nozzly.inventory.spools.rest.SpoolApi;

/** Wire records of specs/002 "Filament Inventory": a view over the same spools, not a second stock. */
public final class FilamentApi {

    private static final String TIMESTAMP = "yyyy-MM-dd'T'HH:mm:ss";
    private static final String TIMESTAMP_PATTERN = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$";

    private FilamentApi() {
    }

    /**
     * POST and PUT body (PUT: "Same as POST"); bounds are the spool's (material is a material type code). Amounts
     * are grams, rounded half up to the milligram.
     */
    public record FilamentRequest(@NotBlank @Size(max = 32) String material, @Size(max = 100) String color,
            @NotNull @DecimalMin(Quantities.MIN) @DecimalMax(Quantities.MAX_SPOOL_GRAMS)
            BigDecimal initialAmount,
            @DecimalMin("0") @DecimalMax(Quantities.MAX_SPOOL_GRAMS) BigDecimal currentAmount,
            @DecimalMin("0") @DecimalMax(SpoolApi.MAX_COST_PER_GRAM) BigDecimal costPerGram,
            @DecimalMin("0") @DecimalMax(Quantities.MAX_SPOOL_GRAMS) BigDecimal lowStockThreshold) {
    }

    /** The filament object; ids are the spool's uuid, timestamps UTC as in the spec's examples. */
    public record Filament(UUID id, String material, String color, BigDecimal initialAmount, BigDecimal currentAmount,
            BigDecimal costPerGram, BigDecimal lowStockThreshold,
            @JsonFormat(pattern = TIMESTAMP) @Schema(implementation = String.class, pattern = TIMESTAMP_PATTERN,
                    description = "UTC, without offset") LocalDateTime createdAt,
            @JsonFormat(pattern = TIMESTAMP) @Schema(implementation = String.class, pattern = TIMESTAMP_PATTERN,
                    description = "UTC, without offset") LocalDateTime updatedAt) {
    }

    /** GET /filaments with the pagination info of the spec's "Pagination" section (page is 1-based). */
    public record FilamentList(List<Filament> filaments, long total, int limit, int offset, int page, int pages) {

        public static FilamentList of(List<Filament> filaments, long total, int limit, int offset) {
            return new FilamentList(filaments, total, limit, offset, offset / limit + 1,
                    (int) ((total + limit - 1) / limit));
        }
    }

    public record Message(String message) {
    }

    public static Filament view(SpoolStock spoolStock) {
        Spool s = spoolStock.spool();
        OffsetDateTime stockChanged = spoolStock.stock().updatedAt;
        // updated_at covers both the description and the grams
        OffsetDateTime updated = stockChanged != null && stockChanged.isAfter(s.updatedAt) ? stockChanged : s.updatedAt;
        return new Filament(s.id, s.materialType.code, s.color, Quantities.plain(s.initialWeightGrams),
                Quantities.plain(spoolStock.stock().quantity), Quantities.plain(s.costPerGram),
                Quantities.plain(spoolStock.stock().lowStockThreshold), utc(s.createdAt), utc(updated));
    }

    private static LocalDateTime utc(OffsetDateTime value) {
        return value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
    }
}
