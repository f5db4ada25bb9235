package app.nozzly.production.support;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Units of recipe ingredients (specs/001 RecipeIngredient.unit: "ml, g, mg, etc.") and the units inventory-service
 * counts stock in (g, kg, ml, L). A quantity goes to inventory in a unit it knows: milligrams become grams, "l"
 * becomes "L"; inventory converts within mass and within volume itself.
 */
public final class Units {

    /** The ingredient units we accept, as clients may write them. */
    public static final List<String> ACCEPTED = List.of("mg", "g", "kg", "ml", "mL", "l", "L");

    private static final Map<String, Unit> UNITS = Map.of(
            "mg", new Unit("g", new BigDecimal("0.001"), Dimension.MASS),
            "g", new Unit("g", BigDecimal.ONE, Dimension.MASS),
            "kg", new Unit("kg", BigDecimal.ONE, Dimension.MASS),
            "ml", new Unit("ml", BigDecimal.ONE, Dimension.VOLUME),
            "mL", new Unit("ml", BigDecimal.ONE, Dimension.VOLUME),
            "l", new Unit("L", BigDecimal.ONE, Dimension.VOLUME),
            "L", new Unit("L", BigDecimal.ONE, Dimension.VOLUME));

    /** What a unit measures: units of one dimension convert into each other, never across. */
    public enum Dimension {
        MASS, VOLUME
    }

    /** A quantity in one of inventory's units. */
    public record Quantity(BigDecimal amount, String unit) {
    }

    private record Unit(String inventoryUnit, BigDecimal factor, Dimension dimension) {
    }

    private Units() {
    }

    /** The dimension of a unit we accept; empty for one we do not know. */
    public static Optional<Dimension> dimension(String unit) {
        return Optional.ofNullable(unit == null ? null : UNITS.get(unit)).map(Unit::dimension);
    }

    /** {@code amount} of {@code unit} in a unit inventory counts in; an unknown unit is refused by the caller first. */
    public static Quantity toInventory(BigDecimal amount, String unit) {
        Unit known = UNITS.get(unit);
        if (known == null) {
            throw new IllegalArgumentException("unit " + unit + " is none of " + ACCEPTED);
        }
        return new Quantity(amount.multiply(known.factor()), known.inventoryUnit());
    }
}
