package app.nozzly.production.runs.events;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import app.nozzly.platform.inbox.IdempotentConsumer;
import app.nozzly.production.runs.service.PlateService;
import app.nozzly.production.runs.service.PrinterJobs;
import io.smallrye.common.annotation.Blocking;

/**
 * Plates follow their printer (specs/000 plates with printer_id): printer.jobs events, keyed and subjected by
 * printer id, start, complete or fail the printer's plate, once per event.
 */
@ApplicationScoped
public class PrinterJobConsumer {

    private static final Logger LOG = Logger.getLogger(PrinterJobConsumer.class);

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    PlateService plates;

    @Incoming("production-runs-printer-jobs")
    @Blocking
    public void on(String message) {
        idempotent.consume("production-runs-printer-jobs", message, event -> {
            if (!PrinterJobs.FOLLOWED.contains(event.type())) {
                return;
            }
            Optional<UUID> printer = printerId(event.subject());
            if (printer.isPresent() && !plates.followPrinterJob(printer.get(), event.type())) {
                LOG.debugf("tenant %s: no plate follows %s of printer %s", event.tenant(), event.type(),
                        event.subject());
            }
        });
    }

    /** Printers not registered as UUIDs can never be named by a plate: their events concern no plate. */
    private static Optional<UUID> printerId(String subject) {
        try {
            return subject == null ? Optional.empty() : Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
