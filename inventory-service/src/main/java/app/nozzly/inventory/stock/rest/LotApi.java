package app.nozzly.inventory.stock.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.stock.StockLot;

/** Lots of materials and products on the wire (stock_lot). */
public final class LotApi {

    public static final int MAX_LOTS = 200;

    private LotApi() {
    }

    /** A lot received when a material or product is created. */
    public record InitialLot(@NotBlank @Size(max = 64) String lotNumber,
            @NotNull @DecimalMin(Quantities.MIN) @DecimalMax(Quantities.MAX) BigDecimal quantity,
            LocalDate expiresAt) {
    }

    public record LotView(UUID id, String lotNumber, BigDecimal quantity, LocalDate expiresAt,
            OffsetDateTime receivedAt) {
    }

    /** The item's lots that still hold stock, first-expiry-first-out. */
    public static List<LotView> of(UUID itemId) {
        return StockLot.ofItem(itemId).stream().filter(l -> l.quantity.signum() > 0)
                .map(l -> new LotView(l.id, l.lotNumber, Quantities.plain(l.quantity), l.expiresAt, l.receivedAt))
                .toList();
    }
}
