package app.nozzly.inventory.stock;

import java.util.Set;

/** The kinds of stock item, as named on the wire and in the ledger. */
public final class ItemTypes {

    public static final String SPOOL = "spool";
    public static final String MATERIAL = "material";
    public static final String MODEL = "model";
    public static final String PRODUCT = "product";
    public static final Set<String> ALL = Set.of(SPOOL, MATERIAL, MODEL, PRODUCT);

    private ItemTypes() {
    }

    /** Materials and products are kept in lots (traceability of specs/001 batches). */
    public static boolean hasLots(String itemType) {
        return MATERIAL.equals(itemType) || PRODUCT.equals(itemType);
    }
}
