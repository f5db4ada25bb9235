package app.nozzly.production.runs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;

/** A spool used by a run: estimates (reserved in inventory) and actual usage (specs/000 "Production Run Materials"). */
@Entity
@Table(name = "production_run_material")
public class ProductionRunMaterial extends TenantEntity {

    @Id
    public UUID id;

    public UUID runId;

    public UUID spoolId;

    public double estimatedModelWeightGrams;

    public double estimatedFlushedGrams;

    public double estimatedTowerGrams;

    public Double actualModelWeightGrams;

    public Double actualFlushedGrams;

    public Double actualTowerGrams;

    public Double spoolWeightBeforeGrams;

    public Double spoolWeightAfterGrams;

    public UUID reservationId;

    public Double deductedGrams;

    public Double costPerGram;

    /** The spool's material type code and color: a printer's AMS tray maps to the material by them. */
    public String materialType;

    public String color;

    /** Grams the printers reported for this material's plates; a user's weighing or figures win over them. */
    public Double printerReportedGrams;

    public OffsetDateTime createdAt;

    public static List<ProductionRunMaterial> ofRun(UUID runId) {
        return list("runId = ?1 order by createdAt, id", runId);
    }

    public double estimatedTotalGrams() {
        return estimatedModelWeightGrams + estimatedFlushedGrams + estimatedTowerGrams;
    }

    /** Weighing wins over manual figures: before - after is what really left the spool. */
    public Optional<Double> actualTotalGrams() {
        if (spoolWeightBeforeGrams != null && spoolWeightAfterGrams != null) {
            return Optional.of(spoolWeightBeforeGrams - spoolWeightAfterGrams);
        }
        if (actualModelWeightGrams != null) {
            return Optional.of(actualModelWeightGrams + orZero(actualFlushedGrams) + orZero(actualTowerGrams));
        }
        return Optional.ofNullable(printerReportedGrams);
    }

    public Optional<String> usageMethod() {
        if (spoolWeightBeforeGrams != null && spoolWeightAfterGrams != null) {
            return Optional.of("weighing");
        }
        if (actualModelWeightGrams != null) {
            return Optional.of("manual");
        }
        return printerReportedGrams != null ? Optional.of("printer") : Optional.empty();
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
