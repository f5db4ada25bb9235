package app.nozzly.inventory.spools.rest;

import java.math.BigDecimal;

import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.materialtypes.rest.MaterialTypeApi;
import app.nozzly.inventory.spools.Spool;
import app.nozzly.inventory.spools.SpoolStock;
import app.nozzly.inventory.stock.StockItem;

/** Spool entity and stock to the v1 API record (also the object other services embed, specs/000). */
public final class SpoolMapper {

    private SpoolMapper() {
    }

    public static SpoolApi.SpoolView view(SpoolStock spoolStock) {
        Spool s = spoolStock.spool();
        StockItem st = spoolStock.stock();
        return new SpoolApi.SpoolView(s.id, s.spoolCode, s.brand, s.color, s.colorHex,
                new MaterialTypeApi.MaterialTypeRef(s.materialType.code, s.materialType.name),
                Quantities.plain(s.diameterMm), Quantities.plain(s.initialWeightGrams), Quantities.plain(st.quantity),
                Quantities.plain(st.reserved), Quantities.plain(st.available()),
                Quantities.plain(s.emptySpoolWeightGrams), Quantities.plain(s.costPerGram),
                s.costPerGram == null ? null : Quantities.plain(s.costPerGram.multiply(BigDecimal.valueOf(1000))),
                Quantities.plain(st.lowStockThreshold), st.isLow(), s.location, s.lot, s.purchasedAt, s.archived,
                s.createdAt, s.updatedAt);
    }
}
