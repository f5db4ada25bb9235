package app.nozzly.production.process.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.production.client.Inventories;
import app.nozzly.production.client.Inventory;
import app.nozzly.production.client.InventoryFailures;
import app.nozzly.production.client.InventoryModels.Shortage;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;

/**
 * What inventory answered, as process production (specs/001 "Códigos de Error") reports it: missing raw materials
 * are PROD004 with every shortage in details, an unreachable inventory INVENTORY_UNAVAILABLE.
 */
@ApplicationScoped
public class ProcessInventoryFailures implements InventoryFailures {

    @Produces
    @Singleton
    @ForProcess
    Inventory inventory(Inventories inventories) {
        return inventories.reportingWith(this);
    }

    @Override
    public RuntimeException absent(String what, String detail) {
        return new ProcessException(ProcessErrorCode.MATERIAL_NOT_FOUND,
                "an item of " + what + " does not exist in inventory: " + detail, Map.of());
    }

    @Override
    public RuntimeException insufficient(String what, List<Shortage> shortages, String detail) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Shortage shortage : shortages) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("material_id", String.valueOf(shortage.itemId()));
            if (shortage.itemName() != null) {
                line.put("material_name", shortage.itemName());
            }
            line.put("requested", shortage.requested());
            line.put("available", shortage.available());
            lines.add(line);
        }
        return new ProcessException(ProcessErrorCode.PROD004, "insufficient raw materials for " + what + ": "
                + (lines.isEmpty() ? detail : lines), Map.of("shortages", lines));
    }

    @Override
    public RuntimeException refused(String what, int status, String detail) {
        return ApiProblem.badRequest("inventory refused " + what + " (" + status + "): " + detail);
    }

    @Override
    public RuntimeException unavailable(String what) {
        return new ProcessException(ProcessErrorCode.INVENTORY_UNAVAILABLE,
                "inventory-service could not serve " + what + "; nothing was changed, retry later", Map.of(),
                Map.of("Retry-After", "5"));
    }
}
