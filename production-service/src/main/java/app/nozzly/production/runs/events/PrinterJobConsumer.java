package app.nozzly.production.runs.events;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import app.nozzly.platform.events.CloudEventCodec;
import app.nozzly.platform.inbox.IdempotentConsumer;
import app.nozzly.production.runs.service.PlateService;
import io.smallrye.common.annotation.Blocking;

/**
 * Plates follow their printer (specs/000 plates with printer_id): printer.jobs events, keyed and subjected by
 * printer id, start, complete or fail the plate their external_ref names, or else the printer's
 * oldest matching plate, once per event.
 */
@ApplicationScoped
public class PrinterJobConsumer {

    private static final Logger LOG = Logger.getLogger(PrinterJobConsumer.class);

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    PlateService plates;

    @Inject
    CloudEventCodec codec;

    @Incoming("production-runs-printer-jobs")
    @Blocking
    public void on(String message) {
        idempotent.consume("production-runs-printer-jobs", message, event -> {
            if (!PrinterJobs.FOLLOWED.contains(event.type())) {
                return;
            }
            PrinterJobs.Usage job = codec.data(event, PrinterJobs.Usage.class);
            Optional<UUID> plate = plateId(job.externalRef());
            if (plate.isPresent()) {
                if (!plates.followPlateJob(plate.get(), event.type(), job)) {
                    LOG.infof("tenant %s: plate %s does not follow %s (unknown, finished or already past it)",
                            event.tenant(), plate.get(), event.type());
                }
                return;
            }
            Optional<UUID> printer = printerId(event.subject());
            if (printer.isPresent() && !plates.followPrinterJob(printer.get(), event.type())) {
                LOG.debugf("tenant %s: no plate follows %s of printer %s", event.tenant(), event.type(),
                        event.subject());
            }
        });
    }

    /** A print printer-service queued for a plate names it as production-plate:<plate_id>. */
    private static Optional<UUID> plateId(String externalRef) {
        if (externalRef == null || !externalRef.startsWith(PrinterJobs.PLATE_REF)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(externalRef.substring(PrinterJobs.PLATE_REF.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
