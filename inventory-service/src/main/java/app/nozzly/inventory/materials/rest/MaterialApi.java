package app.nozzly.inventory.materials.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.materials.Material;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.rest.LotApi;

/** Wire records of /api/v1/materials (module README, "API for other services"). */
public final class MaterialApi {

    private MaterialApi() {
    }

    /** unit and lots are read on creation only; stock then moves through /api/v1/inventory/movements. */
    public record MaterialRequest(String code, String name, String description, String unit,
            BigDecimal lowStockThreshold, List<LotApi.InitialLot> lots) {
    }

    public record MaterialView(UUID id, String code, String name, String description, String unit,
            BigDecimal quantity, BigDecimal reserved, BigDecimal quantityAvailable, BigDecimal lowStockThreshold,
            List<LotApi.LotView> lots, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public static MaterialView view(Material m, StockItem stock) {
        return new MaterialView(m.id, m.code, m.name, m.description, stock.unit, Quantities.plain(stock.quantity),
                Quantities.plain(stock.reserved), Quantities.plain(stock.available()),
                Quantities.plain(stock.lowStockThreshold), LotApi.of(m.id), m.createdAt, m.updatedAt);
    }
}
