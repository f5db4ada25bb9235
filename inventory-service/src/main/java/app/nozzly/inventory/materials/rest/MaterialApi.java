package app.nozzly.inventory.materials.rest;

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
import app.nozzly.inventory.materials.Material;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.rest.LotApi;

/** Wire records of /api/v1/materials (module README, "API for other services"); bounds of the material table. */
public final class MaterialApi {

    public static final int MAX_DESCRIPTION = 10_000;

    private MaterialApi() {
    }

    /** unit (g, kg, ml or L) and lots are given on creation only; stock then moves through movements. */
    public record CreateMaterial(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 200) String name,
            @Size(max = MAX_DESCRIPTION) String description, @NotNull Unit unit,
            @DecimalMin("0") @DecimalMax(Quantities.MAX) BigDecimal lowStockThreshold,
            @Size(max = LotApi.MAX_LOTS) List<LotApi.@NotNull @Valid InitialLot> lots) {
    }

    /** Changes what is given; stock moves through /api/v1/inventory/movements. */
    public record UpdateMaterial(@Size(max = 64) String code, @Size(max = 200) String name,
            @Size(max = MAX_DESCRIPTION) String description,
            @DecimalMin("0") @DecimalMax(Quantities.MAX) BigDecimal lowStockThreshold) {
    }

    public record MaterialView(UUID id, String code, String name, String description, Unit unit,
            BigDecimal quantity, BigDecimal reserved, BigDecimal quantityAvailable, BigDecimal lowStockThreshold,
            List<LotApi.LotView> lots, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public static MaterialView view(Material m, StockItem stock) {
        return new MaterialView(m.id, m.code, m.name, m.description, Unit.valueOf(stock.unit),
                Quantities.plain(stock.quantity), Quantities.plain(stock.reserved), Quantities.plain(stock.available()),
                Quantities.plain(stock.lowStockThreshold), LotApi.of(m.id), m.createdAt, m.updatedAt);
    }
}
