package app.nozzly.printer.live;

/** Printer ids are unique per tenant, so live state is keyed by both. */
public record LiveKey(String tenant, String printerId) {
}
