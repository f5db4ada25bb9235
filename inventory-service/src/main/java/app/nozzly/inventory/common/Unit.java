package app.nozzly.inventory.common;

import java.math.BigDecimal;

/**
 * A unit stock is counted in (module README, "Movements"), with its dimension and its size in the dimension's
 * base unit (g, ml, units); constants are named as on the wire.
 */
public enum Unit {
    g("mass", 1), kg("mass", 1000), ml("volume", 1), L("volume", 1000), units("count", 1);

    private final String dimension;
    private final BigDecimal factor;

    Unit(String dimension, int factor) {
        this.dimension = dimension;
        this.factor = BigDecimal.valueOf(factor);
    }

    public String dimension() {
        return dimension;
    }

    BigDecimal factor() {
        return factor;
    }

    /** Units of mass or volume: what bulk materials are counted in. */
    public boolean isMassOrVolume() {
        return !"count".equals(dimension);
    }
}
