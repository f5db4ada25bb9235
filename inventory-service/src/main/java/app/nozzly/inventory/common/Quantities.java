package app.nozzly.inventory.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Stock quantities are kept to the milligram / microlitre: three decimals, never floating point. */
public final class Quantities {

    public static final int SCALE = 3;

    private Quantities() {
    }

    public static BigDecimal of(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** How a quantity is shown: without trailing zeros, so 750.000 reads 750 as in the specs' examples. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
