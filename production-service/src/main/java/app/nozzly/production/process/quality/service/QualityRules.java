package app.nozzly.production.process.quality.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

import app.nozzly.production.process.recipes.TestType;

/**
 * specs/001 "Calidad": a value passes inside [tolerance_min, tolerance_max], and pH also within +-0.2
 * of its target, density within +-2% of its target. Deviation and alert severity for quality alerts.
 */
public final class QualityRules {

    public static final BigDecimal PH_TOLERANCE = new BigDecimal("0.2");
    public static final BigDecimal DENSITY_TOLERANCE_PERCENT = new BigDecimal("2");

    private QualityRules() {
    }

    public static boolean passes(TestType type, BigDecimal measured, BigDecimal target, BigDecimal min,
            BigDecimal max) {
        if (min != null && measured.compareTo(min) < 0 || max != null && measured.compareTo(max) > 0) {
            return false;
        }
        return switch (type) {
            case PH -> measured.subtract(target).abs().compareTo(PH_TOLERANCE) <= 0;
            case DENSITY -> target.signum() != 0
                    && deviationPercentage(measured, target).compareTo(DENSITY_TOLERANCE_PERCENT) <= 0;
            default -> true;
        };
    }

    /** |measured - target| as a percentage of the target (of 1 when the target is 0), 2 decimals. */
    public static BigDecimal deviationPercentage(BigDecimal measured, BigDecimal target) {
        BigDecimal base = target.signum() == 0 ? BigDecimal.ONE : target.abs();
        return measured.subtract(target).abs().multiply(BigDecimal.valueOf(100)).divide(base, 2, RoundingMode.HALF_UP);
    }

    /**
     * How bad a failed measurement is: by its deviation (under 5% low, 10% medium, 25% high, else
     * critical); a COFEPRIS-critical parameter is never below high.
     */
    public static String severity(BigDecimal deviationPercentage, boolean critical) {
        String bySize;
        if (deviationPercentage.compareTo(BigDecimal.valueOf(5)) < 0) {
            bySize = "low";
        } else if (deviationPercentage.compareTo(BigDecimal.TEN) < 0) {
            bySize = "medium";
        } else if (deviationPercentage.compareTo(BigDecimal.valueOf(25)) < 0) {
            bySize = "high";
        } else {
            bySize = "critical";
        }
        if (critical && ("low".equals(bySize) || "medium".equals(bySize))) {
            return "high";
        }
        return bySize;
    }
}
