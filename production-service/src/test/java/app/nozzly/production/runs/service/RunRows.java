package app.nozzly.production.runs.service;

import java.util.UUID;

import app.nozzly.production.runs.PlateStatus;
import app.nozzly.production.runs.ProductionRunItem;
import app.nozzly.production.runs.ProductionRunPlate;

/** Rows of a run as the services read them, built in memory for the rules that need no database. */
final class RunRows {

    private RunRows() {
    }

    static ProductionRunItem item(UUID model, int quantity) {
        ProductionRunItem item = new ProductionRunItem();
        item.id = UUID.randomUUID();
        item.modelId = model;
        item.quantity = quantity;
        return item;
    }

    /** A plate of {@code copies} prints of {@code model}, in {@code status}. */
    static ProductionRunPlate plate(UUID model, int copies, PlateStatus status) {
        ProductionRunPlate plate = new ProductionRunPlate();
        plate.id = UUID.randomUUID();
        plate.modelId = model;
        plate.copiesPerPlate = copies;
        plate.status = status;
        return plate;
    }
}
