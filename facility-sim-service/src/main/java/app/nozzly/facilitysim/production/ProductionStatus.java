package app.nozzly.facilitysim.production;

/**
 * The final states of a production record (specs/004 sections 2 and 3). Refused attempts change nothing and are not
 * recorded, so only SUCCESS is ever stored; FAILED is a filter that finds nothing.
 */
public enum ProductionStatus {
    SUCCESS, FAILED
}
