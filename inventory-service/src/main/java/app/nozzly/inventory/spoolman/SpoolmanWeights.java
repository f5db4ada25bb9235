package app.nozzly.inventory.spoolman;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How Spoolman's weights sit on our stock. Spoolman keeps a spool's used_weight and derives what remains from
 * its initial weight (else its filament's weight, the "base"); we keep what remains (the stock, to the
 * milligram). So used_weight = base - stock + offset, the offset holding Spoolman's fraction of a milligram and any
 * use beyond what was left; remaining_weight is the stock itself.
 */
public final class SpoolmanWeights {

    private SpoolmanWeights() {
    }

    /** The weight Spoolman derives what remains from, or null when neither the spool nor its filament has one. */
    public static Double base(SpoolmanSpool spool) {
        if (spool.initialWeightSet) {
            return spool.spool.initialWeightGrams.doubleValue();
        }
        return spool.filament.weight;
    }

    public static double used(SpoolmanSpool spool, BigDecimal stock) {
        Double base = base(spool);
        return (base == null ? 0 : base) - stock.doubleValue() + spool.usedOffset;
    }

    /** The stock, to the milligram, that Spoolman's used_weight leaves: never below zero. */
    public static BigDecimal stockFor(Double base, double used) {
        if (base == null) {
            return BigDecimal.ZERO.setScale(3);
        }
        return BigDecimal.valueOf(Math.max(base - used, 0)).setScale(3, RoundingMode.HALF_UP);
    }

    /** The part of a used_weight beyond the base: what a ledger cannot take from stock. */
    public static double beyond(Double base, double used) {
        return Math.max(used - (base == null ? 0 : base), 0);
    }

    /** Spoolman's length of filament of a weight: volume over the filament's cross-section, in mm. */
    public static double length(double grams, double density, double diameter) {
        double volumeMm3 = grams / density * 1000;
        return volumeMm3 / (Math.PI * (diameter / 2) * (diameter / 2));
    }

    public static double weight(double lengthMm, double density, double diameter) {
        return density * (lengthMm * 1e-1) * Math.PI * Math.pow(diameter * 1e-1 / 2, 2);
    }
}
