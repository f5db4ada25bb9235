package app.nozzly.ordersync.analytics.readmodel;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

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
    EntityManager em;

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
            em.createNativeQuery("insert into print_job_fact (tenant_id, job_id, printer_id, status,"
                    + " filament_used_grams, updated_at) values (?1, ?2, ?3, ?4, ?5, now())"
                    + " on conflict (tenant_id, job_id) do update set status = excluded.status,"
                    + " filament_used_grams = excluded.filament_used_grams, updated_at = now()")
                    .setParameter(1, event.tenant())
                    .setParameter(2, jobId)
                    .setParameter(3, job.printerId() != null ? job.printerId() : event.subject())
                    .setParameter(4, outcome)
                    .setParameter(5, job.filamentUsedGrams() == null ? BigDecimal.ZERO : job.filamentUsedGrams())
                    .executeUpdate();
        });
    }
}
