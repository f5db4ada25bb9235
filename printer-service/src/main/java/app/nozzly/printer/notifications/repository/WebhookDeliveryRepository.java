package app.nozzly.printer.notifications.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.notifications.DeliveryStatus;
import app.nozzly.printer.notifications.WebhookDelivery;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/**
 * Webhook deliveries: the tenant's delivery log, and, across all tenants, the due deliveries the sender leases
 * (plain SQL, as no tenant is in scope for the sender).
 */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, Long> {

    /** Its statements across tenants run on a connection of the service's system scope (row-level security). */
    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantContext tenants;

    /** A pending delivery, leased to this replica until {@code leasedUntil}. */
    public record Due(long id, String tenant, String printerId, String event, String url, String payload,
            int attempts, String secret) {
    }

    public List<WebhookDelivery> ofSetting(long settingId, int offset, int limit) {
        return find("settingId", Sort.by("id").descending(), settingId).range(offset, offset + limit - 1).list();
    }

    public long countOfSetting(long settingId) {
        return count("settingId", settingId);
    }

    /**
     * Up to 20 due deliveries of any tenant, each leased by a conditional update (so two replicas never send one at
     * the same time) until {@code leasedUntil}.
     */
    public List<Due> leaseDue(Instant leasedUntil) {
        List<Due> due = new ArrayList<>();
        String select = "select d.id, d.tenant_id, d.printer_id, d.event, d.url, d.payload, d.attempts,"
                + " s.webhook_secret from webhook_delivery d"
                + " join notification_setting s on s.id = d.setting_id and s.tenant_id = d.tenant_id"
                + " where d.status = ? and d.next_attempt_at <= now() order by d.next_attempt_at limit 20";
        String lease = "update webhook_delivery set next_attempt_at = ?"
                + " where id = ? and status = ? and next_attempt_at <= now()";
        try (Connection connection = tenants.callAsSystem(dataSource::getConnection);
                PreparedStatement query = connection.prepareStatement(select);
                PreparedStatement claim = connection.prepareStatement(lease)) {
            query.setString(1, DeliveryStatus.PENDING.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    claim.setTimestamp(1, Timestamp.from(leasedUntil));
                    claim.setLong(2, rows.getLong(1));
                    claim.setString(3, DeliveryStatus.PENDING.value());
                    if (claim.executeUpdate() == 1) {
                        due.add(new Due(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getInt(7), rows.getString(8)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lease due webhook deliveries: " + e.getMessage(), e);
        }
        return due;
    }

    /** The outcome of one attempt: delivered, failed for good, or pending again at {@code next}. */
    public void recordAttempt(long id, DeliveryStatus outcome, int attempts, Instant next, Integer statusCode,
            String error) {
        String sql = "update webhook_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?,"
                + " last_error = ?, delivered_at = ? where id = ?";
        try (Connection connection = tenants.callAsSystem(dataSource::getConnection);
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, outcome.value());
            update.setInt(2, attempts);
            update.setTimestamp(3, Timestamp.from(next));
            update.setObject(4, statusCode);
            update.setString(5, error);
            update.setTimestamp(6, outcome == DeliveryStatus.DELIVERED ? Timestamp.from(Instant.now()) : null);
            update.setLong(7, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record webhook delivery " + id + ": " + e.getMessage(), e);
        }
    }
}
