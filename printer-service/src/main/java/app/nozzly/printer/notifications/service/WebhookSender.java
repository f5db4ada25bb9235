package app.nozzly.printer.notifications.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.notifications.DeliveryStatus;
import app.nozzly.printer.notifications.client.Webhooks;
import app.nozzly.printer.notifications.repository.WebhookDeliveryRepository;
import app.nozzly.printer.notifications.repository.WebhookDeliveryRepository.Due;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers pending webhooks: POST of the JSON body with {@code X-Nozzly-Signature: sha256=<hex HMAC-SHA256 of the
 * body with the printer's secret>}; a failed delivery stays pending and is tried again with exponential backoff
 * (in Postgres, so a restart loses none) until it succeeds or runs out of attempts.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    public static final String SIGNATURE_HEADER = Webhooks.SIGNATURE_HEADER;

    @Inject
    PrinterConfig config;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    Webhooks webhooks;

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "2s")
    void deliverDue() {
        // a lease outlasts one attempt with its retries, so no other replica takes the delivery meanwhile
        Instant leasedUntil = Instant.now().plus(config.webhooks().timeout().multipliedBy(6));
        for (Due due : deliveries.leaseDue(leasedUntil)) {
            Webhooks.Outcome outcome = webhooks.post(due.url(), due.event(), due.id(), due.payload(),
                    "sha256=" + sign(due.secret(), due.payload()));
            record(due, outcome);
        }
    }

    private void record(Due due, Webhooks.Outcome outcome) {
        int attempts = due.attempts() + 1;
        Instant next = Instant.now();
        DeliveryStatus status;
        if (outcome.delivered()) {
            status = DeliveryStatus.DELIVERED;
        } else if (attempts >= config.webhooks().maxAttempts()) {
            status = DeliveryStatus.FAILED;
            LOG.warnf("tenant %s printer %s: webhook %s delivery %d gave up after %d attempts: %s", due.tenant(),
                    due.printerId(), due.event(), due.id(), attempts, outcome.error());
        } else {
            status = DeliveryStatus.PENDING;
            next = next.plus(backoff(attempts, config.webhooks().initialBackoff(), config.webhooks().maxBackoff()));
            LOG.infof("tenant %s printer %s: webhook %s delivery %d failed (%s), retry at %s", due.tenant(),
                    due.printerId(), due.event(), due.id(), outcome.error(), next);
        }
        deliveries.recordAttempt(due.id(), status, attempts, next, outcome.status(), outcome.error());
    }

    /** The wait before attempt {@code attempts + 1}: initial, doubled per attempt, at most max. */
    static Duration backoff(int attempts, Duration initial, Duration max) {
        Duration backoff = initial.multipliedBy(1L << Math.min(attempts - 1, 20));
        return backoff.compareTo(max) > 0 ? max : backoff;
    }

    /** Hex HMAC-SHA256 of the body with the printer's webhook secret. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
