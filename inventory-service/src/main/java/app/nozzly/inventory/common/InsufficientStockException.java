package app.nozzly.inventory.common;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** 409: at least one line asks for more than is available; the lines that lack stock are named. */
public class InsufficientStockException extends InventoryProblem {

    private static final long serialVersionUID = 1L;

    /** One line that cannot be served: what was asked and what is available (current minus active reservations). */
    public record Line(UUID itemId, BigDecimal requested, BigDecimal available) {
    }

    private final transient List<Line> lines;

    public InsufficientStockException(List<Line> lines) {
        super(409, "insufficient-stock", "Insufficient stock", describe(lines), Map.of("lines", lines.stream()
                .map(l -> Map.<String, Object>of("item_id", l.itemId().toString(),
                        "requested", Quantities.plain(l.requested()),
                        "available", Quantities.plain(l.available())))
                .toList()));
        this.lines = List.copyOf(lines);
    }

    public List<Line> lines() {
        return lines;
    }

    private static String describe(List<Line> lines) {
        return lines.stream()
                .map(l -> "item " + l.itemId() + " needs " + Quantities.plain(l.requested()).toPlainString()
                        + " but only " + Quantities.plain(l.available()).toPlainString() + " is available")
                .collect(Collectors.joining("; ", "Insufficient stock: ", ""));
    }
}
