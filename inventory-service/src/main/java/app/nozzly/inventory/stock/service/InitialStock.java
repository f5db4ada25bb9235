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
import app.nozzly.inventory.common.CauseType;
import app.nozzly.inventory.stock.rest.LotApi;
import app.nozzly.platform.errors.ApiProblem;

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
            String number = lot.lotNumber().trim();
            if (!numbers.add(number)) {
                throw ApiProblem.invalidField("lots[" + i + "].lot_number", "lot " + number + " is listed twice");
            }
            lines.add(new LedgerLine(itemType, itemId, "receipt", false, lot.quantity(), unit, null, number,
                    lot.expiresAt(), false, "initial stock"));
        }
        ledger.move(new Cause(CauseType.user, user == null ? "unknown" : user, ref), null,
                itemType + " " + ref + " created", user, lines);
    }
}
