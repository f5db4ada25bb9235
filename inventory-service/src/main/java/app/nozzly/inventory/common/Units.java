package app.nozzly.inventory.common;

import java.math.BigDecimal;

import app.nozzly.platform.errors.ApiProblem;

/** Conversion of stock quantities within one dimension (mass, volume, count), to the milligram. */
public final class Units {

    private Units() {
    }

    /** Converts {@code quantity} from one unit to another of the same dimension; 422 across dimensions. */
    public static BigDecimal convert(BigDecimal quantity, String from, String to) {
        if (from.equals(to)) {
            return quantity;
        }
        Unit source = Unit.valueOf(from);
        Unit target = Unit.valueOf(to);
        if (!source.dimension().equals(target.dimension())) {
            throw ApiProblem.unprocessable("cannot convert " + from + " to " + to + ": the item is counted in " + to);
        }
        return Quantities.of(quantity.multiply(source.factor()).divide(target.factor()));
    }
}
