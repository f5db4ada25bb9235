package app.nozzly.printer.driver;

/**
 * One filament slot as the printer reports it (Bambu AMS tray, external spool, or the single spool of a printer
 * without AMS). {@code remainPct} is null when the printer does not know it.
 */
public record TraySnapshot(int amsId, int trayId, String materialType, String color, Integer remainPct,
        Integer trayWeightGrams, String subBrand, String uuid) {

    public boolean loaded() {
        return materialType != null && !materialType.isBlank();
    }

    /** The 1-based slot number of specs/002: four trays per AMS unit. */
    public int slot() {
        return amsId * 4 + trayId + 1;
    }
}
