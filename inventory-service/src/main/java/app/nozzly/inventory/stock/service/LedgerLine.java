package app.nozzly.inventory.stock.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a stock movement as the ledger engine applies it.
 *
 * @param itemType the type the caller expects the item to be (null: any)
 * @param outgoing true when the line takes stock out
 * @param physical true when the line states physical reality (weighing, a counted correction): it may
 *        dip into reserved stock, but never below zero
 */
public record LedgerLine(String itemType, UUID itemId, String kind, boolean outgoing, BigDecimal quantity, String unit,
        UUID reservationId, String lotNumber, LocalDate expiresAt, boolean physical, String note) {

    public static LedgerLine simple(String itemType, UUID itemId, String kind, boolean outgoing, BigDecimal quantity,
            String unit, boolean physical, String note) {
        return new LedgerLine(itemType, itemId, kind, outgoing, quantity, unit, null, null, null, physical, note);
    }
}
