package app.nozzly.inventory.models.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
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

    /** skus: every sku that maps this model, its own sku first (issue 9 C2). */
    public record ModelView(UUID id, String name, String sku, List<String> skus, String description,
            BigDecimal estimatedGramsPerUnit, Integer estimatedPrintMinutesPerUnit, BigDecimal finishedStockUnits,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** POST /api/v1/models/{id}/skus: one more sku (a variant, a renamed listing) that maps the model. */
    public record SkuRequest(String sku) {
    }

    /** A sku seen on orders that no model maps: the latest title, how many orders and units, when last seen. */
    public record UnmappedSku(String sku, String title, long orderCount, long quantity, OffsetDateTime lastSeenAt) {
    }

    public static ModelView view(Model m, StockItem stock, List<String> skus) {
        return new ModelView(m.id, m.name, m.sku, skus, m.description, Quantities.plain(m.estimatedGramsPerUnit),
                m.estimatedPrintMinutesPerUnit, Quantities.plain(stock.quantity), m.createdAt, m.updatedAt);
    }
}
