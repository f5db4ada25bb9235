package app.nozzly.inventory.products.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.products.Product;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.rest.LotApi;

/** Wire records of /api/v1/products (module README, "API for other services"). */
public final class ProductApi {

    private ProductApi() {
    }

    /** unit and lots are read on creation only; finished stock then moves through movements. */
    public record ProductRequest(String name, String sku, String description, String unit,
            BigDecimal lowStockThreshold, List<LotApi.InitialLot> lots) {
    }

    public record ProductView(UUID id, String name, String sku, String description, String unit,
            BigDecimal finishedStock, BigDecimal lowStockThreshold, List<LotApi.LotView> lots,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public static ProductView view(Product p, StockItem stock) {
        return new ProductView(p.id, p.name, p.sku, p.description, stock.unit, Quantities.plain(stock.quantity),
                Quantities.plain(stock.lowStockThreshold), LotApi.of(p.id), p.createdAt, p.updatedAt);
    }
}
