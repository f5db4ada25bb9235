package app.nozzly.inventory.stock;

/**
 * The kinds of ledger row (module README, "Ledger"); constants are named as on the wire. A {@code variance} moves
 * nothing: it records a use reported beyond what was left (Spoolman's API), never negative stock.
 */
public enum TransactionKind {
    receipt, reservation, consumption, waste, adjustment, weighing, reversal, production_output, variance
}
