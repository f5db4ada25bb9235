package app.nozzly.printer.driver;

/** Where a driver delivers what its printer says; called on the printer's own executor, never concurrently. */
public interface DriverListener {

    void onReport(PrinterSnapshot snapshot);

    void onConnectionLost(String cause);

    /**
     * A printer added without its serial named itself on first connection: the serial is its certificate's CN and
     * the certificate (SHA-256 fingerprint) is the one to expect from now on.
     */
    void onIdentified(String serial, String certificateFingerprint);
}
