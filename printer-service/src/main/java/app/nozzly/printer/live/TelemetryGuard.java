package app.nozzly.printer.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import app.nozzly.printer.driver.PrinterSnapshot;

/**
 * Applies {@link TelemetryBounds} to every report. The first impossible report of a printer is logged as a warning
 * naming tenant and printer; later ones only at debug, so a broken sensor does not flood the log.
 */
final class TelemetryGuard {

    private static final Logger LOG = Logger.getLogger(TelemetryGuard.class);

    private final Map<LiveKey, Boolean> warned = new ConcurrentHashMap<>();

    PrinterSnapshot check(LiveKey key, PrinterSnapshot report) {
        TelemetryBounds.Checked checked = TelemetryBounds.check(report);
        if (!checked.rejected().isEmpty()) {
            if (warned.putIfAbsent(key, Boolean.TRUE) == null) {
                LOG.warnf("tenant %s printer %s reported impossible values, ignored: %s (further ones are logged at"
                        + " debug level)", key.tenant(), key.printerId(), String.join(", ", checked.rejected()));
            } else {
                LOG.debugf("tenant %s printer %s reported impossible values, ignored: %s", key.tenant(),
                        key.printerId(), String.join(", ", checked.rejected()));
            }
        }
        return checked.snapshot();
    }
}
