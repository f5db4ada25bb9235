package app.nozzly.printer.printers.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.nozzly.platform.outbox.Outbox;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.events.PrinterStatusPayload;
import app.nozzly.printer.events.Topics;
import app.nozzly.printer.printers.Printer;

/** Persists a printer's live status when it changes (and last_seen now and then) and announces changes. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PrinterStatusService {

    private static final Logger LOG = Logger.getLogger(PrinterStatusService.class);
    public static final Duration LAST_SEEN_RESOLUTION = Duration.ofSeconds(10);

    @Inject
    Outbox outbox;

    public void record(String printerId, PrinterSnapshot previous, PrinterSnapshot current) {
        Printer printer = Printer.findById(printerId);
        if (printer == null) {
            return;
        }
        String status = current.state().apiStatus();
        Instant now = Instant.now();
        if (current.state() != PrinterState.OFFLINE) {
            if (printer.lastSeen == null || Duration.between(printer.lastSeen, now).compareTo(LAST_SEEN_RESOLUTION) > 0
                    || !status.equals(printer.status)) {
                printer.lastSeen = now;
            }
            if (current.firmwareVersion() != null && !current.firmwareVersion().equals(printer.firmwareVersion)) {
                printer.firmwareVersion = current.firmwareVersion();
            }
            boolean hasAms = current.trays().stream().anyMatch(t -> t.amsId() < 128);
            if (hasAms != printer.hasAms && !current.trays().isEmpty()) {
                printer.hasAms = hasAms;
            }
        }
        if (!Objects.equals(status, printer.status)) {
            String before = printer.status;
            printer.status = status;
            printer.updatedAt = now;
            LOG.infof("tenant %s printer %s: %s -> %s", printer.tenantId, printerId, before, status);
            outbox.publish(Topics.STATUS, printerId, Topics.STATUS_CHANGED, new PrinterStatusPayload(printerId,
                    printer.name, printer.type, status, before,
                    current.state() == PrinterState.OFFLINE ? "disconnected" : "connected", printer.lastSeen, now));
        }
    }
}
