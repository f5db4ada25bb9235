package app.nozzly.inventory.stock;

/** A kind of stock item as requests and filters name it; constants are named as on the wire. */
public enum ItemType {
    spool, material, model, product
}
