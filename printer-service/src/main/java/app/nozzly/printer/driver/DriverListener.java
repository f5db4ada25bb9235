package app.nozzly.printer.driver;

/** Where a driver delivers what its printer says; called on the printer's own executor, never concurrently. */
public interface DriverListener {

    void onReport(PrinterSnapshot snapshot);

    void onConnectionLost(String cause);
}
