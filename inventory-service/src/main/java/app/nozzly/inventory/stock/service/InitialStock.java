package app.nozzly.inventory.stock.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.InventoryProblem;
import app.nozzly.inventory.stock.rest.LotApi;

/** Receives the lots given when a material or product is created: one receipt movement in the ledger. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InitialStock {

    @Inject
    StockLedger ledger;

    public void receive(String itemType, UUID itemId, String unit, String ref, List<LotApi.InitialLot> lots,
            String user) {
        if (lots == null || lots.isEmpty()) {
            return;
        }
        List<LedgerLine> lines = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < lots.size(); i++) {
            LotApi.InitialLot lot = lots.get(i);
            if (lot == null || lot.quantity() == null || lot.quantity().signum() <= 0) {
                throw InventoryProblem.badRequest("lots[" + i + "].quantity must be greater than 0");
            }
            if (lot.lotNumber() == null || lot.lotNumber().isBlank() || lot.lotNumber().length() > 64) {
                throw InventoryProblem.badRequest("lots[" + i + "].lot_number is required (1 to 64 characters)");
            }
            if (!numbers.add(lot.lotNumber().trim())) {
                throw InventoryProblem.badRequest("lot " + lot.lotNumber() + " is listed twice");
            }
            lines.add(new LedgerLine(itemType, itemId, "receipt", false, lot.quantity(), unit, null,
                    lot.lotNumber().trim(), lot.expiresAt(), false, "initial stock"));
        }
        ledger.move(new Cause("user", user == null ? "unknown" : user, ref), null, itemType + " " + ref + " created",
                user, lines);
    }
}
