package app.nozzly.printer.live;

import app.nozzly.printer.driver.PrinterSnapshot;

/** Receives every report of a printer, on that printer's executor (never concurrently for one printer). */
public interface SnapshotHandler {

    /**
     * @param record whether this replica writes what the report changes (status, AMS trays, jobs); false while
     *               another replica holds the printer's edge agent and writes them, this one only showing the report
     */
    void onSnapshot(LiveKey key, PrinterSnapshot previous, PrinterSnapshot current, boolean record);

    /** A printer registered without its serial named itself on its first connection (to the replica writing it). */
    void onIdentified(LiveKey key, String serial, String certificateFingerprint);
}
