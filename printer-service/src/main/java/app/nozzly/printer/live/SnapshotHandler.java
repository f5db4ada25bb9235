package app.nozzly.printer.live;

import app.nozzly.printer.driver.PrinterSnapshot;

/** Receives every report of a printer, on that printer's executor (never concurrently for one printer). */
public interface SnapshotHandler {

    void onSnapshot(LiveKey key, PrinterSnapshot previous, PrinterSnapshot current);

    /** A printer registered without its serial named itself on its first connection. */
    void onIdentified(LiveKey key, String serial, String certificateFingerprint);
}
