package app.nozzly.inventory.common;

/** What moved or holds stock (module README, "Movements"); constants are named as on the wire. */
public enum CauseType {
    production_run, plate, batch, order, weighing, user
}
