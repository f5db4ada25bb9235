package app.nozzly.inventory.common;

/**
 * What moved or holds stock (module README, "Movements"); constants are named as on the wire. {@code integration}
 * is a client of an integration key (Spoolman's API): its id is the key's id.
 */
public enum CauseType {
    production_run, plate, batch, order, weighing, user, integration
}
