package app.nozzly.inventory.stock;

/** The kinds of ledger row (module README, "Ledger"); constants are named as on the wire. */
public enum TransactionKind {
    receipt, reservation, consumption, waste, adjustment, weighing, reversal, production_output
}
