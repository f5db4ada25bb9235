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
import app.nozzly.printer.driver.PrinterSnapshot.DeviceReport;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.events.PrinterStatusPayload;
import app.nozzly.printer.events.Topics;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.repository.PrinterRepository;

/**
 * What a printer's reports change in its configuration row: status (announced on printer.status), last_seen now
 * and then, and what the printer says about itself (firmware, model, camera, AMS, its serial).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PrinterStatusService {

    private static final Logger LOG = Logger.getLogger(PrinterStatusService.class);
    public static final Duration LAST_SEEN_RESOLUTION = Duration.ofSeconds(10);

    @Inject
    Outbox outbox;

    @Inject
    PrinterRepository printers;

    /** @param previous the printer's report before, null after a (re)start */
    public void record(String printerId, PrinterSnapshot previous, PrinterSnapshot current) {
        Printer printer = printers.byId(printerId).orElse(null);
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
            describe(printer, current.device());
            boolean hasAms = current.trays().stream().anyMatch(t -> t.amsId() < 128);
            if (hasAms != printer.hasAms && !current.trays().isEmpty()) {
                printer.hasAms = hasAms;
            }
        }
        boolean controlChanged = previous != null
                && !Objects.equals(previous.readOnlyReason(), current.readOnlyReason());
        if (controlChanged) {
            LOG.infof("tenant %s printer %s: %s", printer.tenantId, printerId, current.readOnlyReason() == null
                    ? "takes commands again" : "read-only: " + current.readOnlyReason());
        }
        if (!Objects.equals(status, printer.status) || controlChanged) {
            String before = printer.status;
            printer.status = status;
            printer.updatedAt = now;
            if (!Objects.equals(status, before)) {
                LOG.infof("tenant %s printer %s: %s -> %s", printer.tenantId, printerId, before, status);
            }
            outbox.publish(Topics.STATUS, printerId, Topics.STATUS_CHANGED, new PrinterStatusPayload(printerId,
                    printer.name, printer.type.value(), status, before,
                    current.state() == PrinterState.OFFLINE ? "disconnected" : "connected", printer.lastSeen, now,
                    current.readOnlyReason() == null, current.readOnlyReason()));
        }
    }

    /** What the printer says about itself; a model the user named is kept. */
    private static void describe(Printer printer, DeviceReport device) {
        if (device.firmwareVersion() != null && !device.firmwareVersion().equals(printer.firmwareVersion)) {
            printer.firmwareVersion = device.firmwareVersion();
        }
        if (printer.model == null && device.model() != null) {
            printer.model = device.model();
        }
        if (device.camera() != null && device.camera() != printer.hasCamera) {
            printer.hasCamera = device.camera();
        }
    }

    /** A Bambu printer registered without its serial named itself: serial and certificate are kept for good. */
    public void identified(String printerId, String serial, String certificateFingerprint) {
        printers.byId(printerId).ifPresent(printer -> {
            printer.serialNumber = serial;
            printer.certificateFingerprint = certificateFingerprint;
            printer.updatedAt = Instant.now();
        });
    }
}
