package app.nozzly.inventory.stock.service;

import java.math.BigDecimal;
import java.util.List;

import app.nozzly.inventory.stock.StockMovement;

/** What a movement did: per line the quantity in the item's unit, the balance after it and the lots touched. */
public record AppliedMovement(StockMovement movement, List<Line> lines) {

    public record Line(LedgerLine request, String itemType, BigDecimal quantity, String unit, BigDecimal balanceAfter,
            List<LotPortion> lots) {
    }

    public record LotPortion(String lotNumber, BigDecimal quantity) {
    }
}
