package app.nozzly.printer.notifications.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.nozzly.printer.config.PrinterConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers pending webhooks: POST of the JSON body with {@code X-Nozzly-Signature: sha256=<hex HMAC-SHA256 of the
 * body with the printer's secret>}; on failure retries with exponential backoff. A delivery is leased by a
 * conditional update, so several replicas never send it twice at the same time.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    public static final String SIGNATURE_HEADER = "X-Nozzly-Signature";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PrinterConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Due(long id, String tenant, String printerId, String event, String url, String payload, int attempts,
            String secret) {
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "2s")
    void deliverDue() {
        for (Due due : leaseDue()) {
            deliver(due);
        }
    }

    private List<Due> leaseDue() {
        List<Due> due = new ArrayList<>();
        String select = "select d.id, d.tenant_id, d.printer_id, d.event, d.url, d.payload, d.attempts, s.webhook_secret"
                + " from webhook_delivery d join notification_setting s on s.id = d.setting_id and s.tenant_id = d.tenant_id"
                + " where d.status = 'pending' and d.next_attempt_at <= now() order by d.next_attempt_at limit 20";
        String lease = "update webhook_delivery set next_attempt_at = ? where id = ? and status = 'pending' and next_attempt_at <= now()";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(select);
                PreparedStatement claim = connection.prepareStatement(lease)) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    claim.setTimestamp(1, Timestamp.from(Instant.now().plus(config.webhooks().timeout().multipliedBy(3))));
                    claim.setLong(2, rows.getLong(1));
                    if (claim.executeUpdate() == 1) {
                        due.add(new Due(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getInt(7), rows.getString(8)));
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warnf("cannot read due webhook deliveries: %s", e.getMessage());
        }
        return due;
    }

    private void deliver(Due due) {
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(config.webhooks().timeout())
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE_HEADER, "sha256=" + sign(due.secret(), due.payload()))
                    .header("X-Nozzly-Event", due.event())
                    .header("X-Nozzly-Delivery", Long.toString(due.id()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload(), StandardCharsets.UTF_8)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                error = "receiver answered " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        record(due, status, error);
    }

    private void record(Due due, Integer status, String error) {
        int attempts = due.attempts() + 1;
        String sql;
        Instant next = Instant.now();
        String outcome;
        if (error == null) {
            outcome = "delivered";
        } else if (attempts >= config.webhooks().maxAttempts()) {
            outcome = "failed";
            LOG.warnf("tenant %s printer %s: webhook %s delivery %d gave up after %d attempts: %s", due.tenant(),
                    due.printerId(), due.event(), due.id(), attempts, error);
        } else {
            outcome = "pending";
            Duration backoff = config.webhooks().initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
            next = next.plus(backoff.compareTo(config.webhooks().maxBackoff()) > 0 ? config.webhooks().maxBackoff() : backoff);
            LOG.infof("tenant %s printer %s: webhook %s delivery %d failed (%s), retry at %s", due.tenant(),
                    due.printerId(), due.event(), due.id(), error, next);
        }
        sql = "update webhook_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?,"
                + " last_error = ?, delivered_at = ? where id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, outcome);
            update.setInt(2, attempts);
            update.setTimestamp(3, Timestamp.from(next));
            update.setObject(4, status);
            update.setString(5, error);
            update.setTimestamp(6, error == null ? Timestamp.from(Instant.now()) : null);
            update.setLong(7, due.id());
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("cannot record webhook delivery %d: %s", due.id(), e.getMessage());
        }
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
