package app.nozzly.inventory.products.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.common.Unit;
import app.nozzly.inventory.materials.rest.MaterialApi;
import app.nozzly.inventory.products.Product;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.rest.LotApi;

/** Wire records of /api/v1/products (module README, "API for other services"); bounds of the product table. */
public final class ProductApi {

    private ProductApi() {
    }

    /** unit (default units) and lots are given on creation only; finished stock then moves through movements. */
    public record CreateProduct(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 64) String sku,
            @Size(max = MaterialApi.MAX_DESCRIPTION) String description, Unit unit,
            @DecimalMin("0") @DecimalMax(Quantities.MAX) BigDecimal lowStockThreshold,
            @Size(max = LotApi.MAX_LOTS) List<LotApi.@NotNull @Valid InitialLot> lots) {
    }

    /** Changes what is given; finished stock moves through /api/v1/inventory/movements. */
    public record UpdateProduct(@Size(max = 200) String name, @Size(max = 64) String sku,
            @Size(max = MaterialApi.MAX_DESCRIPTION) String description,
            @DecimalMin("0") @DecimalMax(Quantities.MAX) BigDecimal lowStockThreshold) {
    }

    public record ProductView(UUID id, String name, String sku, String description, Unit unit,
            BigDecimal finishedStock, BigDecimal lowStockThreshold, List<LotApi.LotView> lots,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public static ProductView view(Product p, StockItem stock) {
        return new ProductView(p.id, p.name, p.sku, p.description, Unit.valueOf(stock.unit),
                Quantities.plain(stock.quantity), Quantities.plain(stock.lowStockThreshold), LotApi.of(p.id),
                p.createdAt, p.updatedAt);
    }
}
