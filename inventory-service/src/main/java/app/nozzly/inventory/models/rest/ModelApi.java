package app.nozzly.inventory.models.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.models.Model;
import app.nozzly.inventory.stock.StockItem;

/** Wire records of /api/v1/models (module README, "API for other services"). */
public final class ModelApi {

    private ModelApi() {
    }

    /** finished_stock_units is only read on creation (an initial receipt); later stock moves by movements. */
    public record ModelRequest(String name, String sku, String description, BigDecimal estimatedGramsPerUnit,
            Integer estimatedPrintMinutesPerUnit, BigDecimal finishedStockUnits) {
    }

    public record ModelView(UUID id, String name, String sku, String description, BigDecimal estimatedGramsPerUnit,
            Integer estimatedPrintMinutesPerUnit, BigDecimal finishedStockUnits, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    public static ModelView view(Model m, StockItem stock) {
        return new ModelView(m.id, m.name, m.sku, m.description, Quantities.plain(m.estimatedGramsPerUnit),
                m.estimatedPrintMinutesPerUnit, Quantities.plain(stock.quantity), m.createdAt, m.updatedAt);
    }
}
