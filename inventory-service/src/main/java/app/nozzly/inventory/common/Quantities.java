package app.nozzly.inventory.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Stock quantities are kept to the milligram / microlitre: three decimals, never floating point. A request may
 * give more decimals (a mass in kg, say); they are rounded half up where the item's unit is known.
 */
public final class Quantities {

    public static final int SCALE = 3;
    /** The largest quantity numeric(18, 3) holds once a kg or L is converted to g or ml, as a request bound. */
    public static final String MAX = "999999999999";
    /** The smallest quantity a request may move, reserve or receive: one thousandth of its unit. */
    public static final String MIN = "0.001";
    /** What a spool's grams may be (a spool holds at most a tonne). */
    public static final String MAX_SPOOL_GRAMS = "1000000";

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
