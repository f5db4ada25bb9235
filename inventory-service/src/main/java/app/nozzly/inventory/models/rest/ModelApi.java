package app.nozzly.inventory.models.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.materials.rest.MaterialApi;
import app.nozzly.inventory.models.Model;
import app.nozzly.inventory.stock.StockItem;

/** Wire records of /api/v1/models (module README, "API for other services"); bounds of model and model_sku. */
public final class ModelApi {

    /** An extra sku (model_sku.sku); a model's own sku is at most 64 characters (model.sku). */
    public static final int MAX_SKU = 255;

    private ModelApi() {
    }

    /** finished_stock_units (whole units) is an initial receipt; later stock moves by movements. */
    public record CreateModel(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 64) String sku,
            @Size(max = MaterialApi.MAX_DESCRIPTION) String description,
            @DecimalMin("0") @Digits(integer = 15, fraction = 3) BigDecimal estimatedGramsPerUnit,
            @Min(0) Integer estimatedPrintMinutesPerUnit,
            @DecimalMin("0") @Digits(integer = 12, fraction = 0) BigDecimal finishedStockUnits) {
    }

    /**
     * Changes what is given; finished stock moves through /api/v1/inventory/movements. A sku that is one of the
     * model's extra skus becomes its own.
     */
    public record UpdateModel(@Size(max = 200) String name, @Size(max = 64) String sku,
            @Size(max = MaterialApi.MAX_DESCRIPTION) String description,
            @DecimalMin("0") @Digits(integer = 15, fraction = 3) BigDecimal estimatedGramsPerUnit,
            @Min(0) Integer estimatedPrintMinutesPerUnit) {
    }

    /** skus: every sku that maps this model, its own sku first. */
    public record ModelView(UUID id, String name, String sku, List<String> skus, String description,
            BigDecimal estimatedGramsPerUnit, Integer estimatedPrintMinutesPerUnit, BigDecimal finishedStockUnits,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** POST /api/v1/models/{id}/skus: one more sku (a variant, a renamed listing) that maps the model. */
    public record SkuRequest(@NotBlank @Size(max = MAX_SKU) String sku) {
    }

    /** A sku seen on orders that no model maps: the latest title, how many orders and units, when last seen. */
    public record UnmappedSku(String sku, String title, long orderCount, long quantity, OffsetDateTime lastSeenAt) {
    }

    public static ModelView view(Model m, StockItem stock, List<String> skus) {
        return new ModelView(m.id, m.name, m.sku, skus, m.description, Quantities.plain(m.estimatedGramsPerUnit),
                m.estimatedPrintMinutesPerUnit, Quantities.plain(stock.quantity), m.createdAt, m.updatedAt);
    }
}
