package app.nozzly.inventory.stock;

/** The kinds of stock item, as named on the wire and in the ledger ({@link ItemType} in requests). */
public final class ItemTypes {

    public static final String SPOOL = ItemType.spool.name();
    public static final String MATERIAL = ItemType.material.name();
    public static final String MODEL = ItemType.model.name();
    public static final String PRODUCT = ItemType.product.name();

    private ItemTypes() {
    }

    /** Materials and products are kept in lots (traceability of specs/001 batches). */
    public static boolean hasLots(String itemType) {
        return MATERIAL.equals(itemType) || PRODUCT.equals(itemType);
    }
}
