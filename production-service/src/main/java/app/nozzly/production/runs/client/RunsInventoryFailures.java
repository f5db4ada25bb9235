package app.nozzly.production.runs.client;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import app.nozzly.production.client.Inventories;
import app.nozzly.production.client.Inventory;
import app.nozzly.production.client.InventoryFailures;
import app.nozzly.production.client.InventoryModels.Shortage;
import app.nozzly.production.runs.ProductionRunException;

/**
 * What inventory answered, as production runs (specs/000) report it: missing stock is the spec's "Insufficient
 * inventory" 400, an unreachable inventory a 503, each naming the spool, model or movement.
 */
@ApplicationScoped
public class RunsInventoryFailures implements InventoryFailures {

    @Produces
    @Singleton
    @ForRuns
    Inventory inventory(Inventories inventories) {
        return inventories.reportingWith(this);
    }

    @Override
    public RuntimeException absent(String what, String detail) {
        return ProductionRunException.badRequest(Character.toUpperCase(what.charAt(0)) + what.substring(1)
                + " not found in inventory");
    }

    @Override
    public RuntimeException insufficient(String what, List<Shortage> shortages, String detail) {
        String lines = shortages.isEmpty() ? ""
                : shortages.stream().map(s -> "item " + s.itemId() + " needs " + s.requested() + " but has "
                        + s.available() + " available").collect(Collectors.joining("; ", ": ", ""));
        return ProductionRunException.insufficientInventory("Insufficient inventory for " + what + lines);
    }

    @Override
    public RuntimeException refused(String what, int status, String detail) {
        return ProductionRunException.badRequest("Inventory refused " + what + ": " + detail);
    }

    @Override
    public RuntimeException unavailable(String what) {
        return ProductionRunException.inventoryUnavailable(
                "Inventory service is unavailable (" + what + "); nothing was changed, please retry");
    }
}
