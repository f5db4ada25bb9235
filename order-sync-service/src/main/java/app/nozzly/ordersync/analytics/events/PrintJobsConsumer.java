package app.nozzly.ordersync.analytics.events;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import app.nozzly.ordersync.analytics.repository.ReadModel;
import app.nozzly.platform.events.CloudEventCodec;
import app.nozzly.platform.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;

/** Keeps finished and failed print jobs (printer.jobs) for the dashboard's print figures. */
@ApplicationScoped
public class PrintJobsConsumer {

    /** Our tolerant copy of printer-service's job payload. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JobPayload(Long jobId, String printerId, String status, BigDecimal filamentUsedGrams) {
    }

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    CloudEventCodec codec;

    @Inject
    ReadModel readModel;

    @Incoming("printer-jobs")
    @Blocking
    public void on(String message) {
        idempotent.consume("ordersync-printer-jobs", message, event -> {
            String outcome = switch (event.type()) {
                case "printer.job.finished" -> "finished";
                case "printer.job.failed" -> "failed";
                default -> null;
            };
            if (outcome == null) {
                return;
            }
            JobPayload job = codec.data(event, JobPayload.class);
            String jobId = job.jobId() != null ? String.valueOf(job.jobId()) : event.subject() + ":" + event.id();
            readModel.printJob(event.tenant(), jobId, job.printerId() != null ? job.printerId() : event.subject(),
                    outcome, job.filamentUsedGrams() == null ? BigDecimal.ZERO : job.filamentUsedGrams());
        });
    }
}
