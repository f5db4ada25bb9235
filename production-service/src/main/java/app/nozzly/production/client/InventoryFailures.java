package app.nozzly.production.client;

import java.util.List;

import app.nozzly.production.client.InventoryModels.Shortage;

/**
 * How one API family words what inventory-service answered: each returns that API's own error (specs/000 problem
 * details, specs/001 PROD codes) for {@code what}, the item or operation in question ("spool 222e...", "raw
 * materials of batch LOT-20250301-001").
 */
public interface InventoryFailures {

    /** A request needs an item inventory does not have. */
    RuntimeException absent(String what, String detail);

    /** Inventory holds less than asked: nothing moved. */
    RuntimeException insufficient(String what, List<Shortage> shortages, String detail);

    /** Inventory refused the request as invalid (a 4xx other than 404 and 409): nothing moved. */
    RuntimeException refused(String what, int status, String detail);

    /** Inventory could not be reached, timed out, failed or is avoided while its circuit is open: nothing moved. */
    RuntimeException unavailable(String what);
}
