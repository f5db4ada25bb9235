package app.nozzly.printer.ws;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.live.LiveKey;

/**
 * specs/003 WebSocket {@code system_alert} messages: {severity, code, message, printer_id, details} in the data of
 * the common {type, timestamp, data} frame. Raised when a printer goes offline or comes back, when a printer
 * reports an error, and for low stock of a spool an open production run reserved.
 */
@ApplicationScoped
public class SystemAlerts {

    public static final String TYPE = "system_alert";
    /** Bambu print_error 0300_400C "The task was canceled" is a user's stop, not an error worth an alert. */
    private static final String CANCELLED_BY_USER = "300400C";
    private static final Logger LOG = Logger.getLogger(SystemAlerts.class);

    @Inject
    LiveSocket socket;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Alerts for what changed between two reports of one printer. */
    public void onSnapshot(LiveKey key, PrinterSnapshot previous, PrinterSnapshot current) {
        if (previous == null) {
            return;
        }
        boolean wasOffline = previous.state() == PrinterState.OFFLINE;
        boolean isOffline = current.state() == PrinterState.OFFLINE;
        if (!wasOffline && isOffline) {
            send(key.tenant(), "warning", "PRINTER_OFFLINE", "printer " + key.printerId() + " stopped answering",
                    key.printerId(), Map.of("last_status", previous.state().apiStatus()));
        } else if (wasOffline && !isOffline) {
            send(key.tenant(), "info", "PRINTER_ONLINE", "printer " + key.printerId() + " is reachable again",
                    key.printerId(), Map.of("status", current.state().apiStatus()));
        }
        String error = current.printError();
        boolean newError = error != null && !CANCELLED_BY_USER.equals(error) && !error.equals(previous.printError());
        boolean enteredError = current.state() == PrinterState.ERROR && previous.state() != PrinterState.ERROR;
        if (newError || error == null && enteredError) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("print_error", error == null ? null : formatted(error));
            details.put("status", current.state().apiStatus());
            details.put("job_name", current.job().name());
            send(key.tenant(), "error", "PRINTER_ERROR", "printer " + key.printerId() + " reported "
                    + (error == null ? "an error" : "error " + formatted(error)), key.printerId(), details);
        }
    }

    public void send(String tenant, String severity, String code, String message, String printerId,
            Map<String, Object> details) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("severity", severity);
        data.put("code", code);
        data.put("message", message);
        data.put("printer_id", printerId);
        data.put("details", details);
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            send(tenant, code, message, data);
            return;
        }
        // raised by a change still in its transaction (an event consumed, say): the alert goes out once it commits,
        // never for a change rolled back and applied again
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    send(tenant, code, message, data);
                }
            }
        });
    }

    private void send(String tenant, String code, String message, Map<String, Object> data) {
        LOG.debugf("tenant %s: system alert %s: %s", tenant, code, message);
        socket.send(tenant, TYPE, data);
    }

    /** Bambu writes print errors as 8 hex digits in two groups, e.g. 0700_8011. */
    static String formatted(String hex) {
        String padded = "0".repeat(Math.max(0, 8 - hex.length())) + hex;
        return padded.length() == 8 ? padded.substring(0, 4) + "_" + padded.substring(4) : hex;
    }
}
