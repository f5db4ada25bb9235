package app.nozzly.inventory.common;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import app.nozzly.platform.errors.ApiProblem;

/**
 * 409: at least one line asks for more than is available; the problem's {@code lines} name every line that lacks
 * stock with what it asked for and what is available (module README, "Movements").
 */
public class InsufficientStockException extends ApiProblem {

    private static final long serialVersionUID = 1L;
    public static final String CODE = "INSUFFICIENT_STOCK";

    /** One line that cannot be served: what was asked and what is available (current minus active reservations). */
    public record Line(UUID itemId, BigDecimal requested, BigDecimal available) {
    }

    public InsufficientStockException(List<Line> lines) {
        super(409, CODE, describe(lines), Map.of("lines", lines.stream()
                .map(l -> Map.<String, Object>of("item_id", l.itemId().toString(),
                        "requested", Quantities.plain(l.requested()),
                        "available", Quantities.plain(l.available())))
                .toList()));
    }

    private static String describe(List<Line> lines) {
        return lines.stream()
                .map(l -> "item " + l.itemId() + " needs " + Quantities.plain(l.requested()).toPlainString()
                        + " but only " + Quantities.plain(l.available()).toPlainString() + " is available")
                .collect(Collectors.joining("; ", "Insufficient stock: ", ""));
    }
}
