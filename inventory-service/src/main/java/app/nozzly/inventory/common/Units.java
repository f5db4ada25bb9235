package app.nozzly.inventory.common;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** The units stock is counted in, and conversion within one dimension (mass, volume, count). */
public final class Units {

    public static final Set<String> ALL = Set.of("g", "kg", "ml", "L", "units");

    private static final Map<String, String> DIMENSION = Map.of("g", "mass", "kg", "mass", "ml", "volume", "L",
            "volume", "units", "count");
    private static final Map<String, BigDecimal> FACTOR = Map.of("g", BigDecimal.ONE, "kg", BigDecimal.valueOf(1000),
            "ml", BigDecimal.ONE, "L", BigDecimal.valueOf(1000), "units", BigDecimal.ONE);

    private Units() {
    }

    public static boolean isValid(String unit) {
        return unit != null && ALL.contains(unit);
    }

    /** Converts {@code quantity} from one unit to another of the same dimension; 422 across dimensions. */
    public static BigDecimal convert(BigDecimal quantity, String from, String to) {
        if (from.equals(to)) {
            return quantity;
        }
        if (!DIMENSION.get(from).equals(DIMENSION.get(to))) {
            throw InventoryProblem.unprocessable("cannot convert " + from + " to " + to
                    + ": the item is counted in " + to);
        }
        return Quantities.of(quantity.multiply(FACTOR.get(from)).divide(FACTOR.get(to)));
    }
}
