package app.nozzly.printer.notifications;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import app.nozzly.printer.persistence.TenantRow;

/** One webhook notification and its delivery attempts; kept in Postgres so a restart loses none. */
@Entity
@Table(name = "webhook_delivery")
@SequenceGenerator(sequenceName = "webhook_delivery_seq", allocationSize = 50)
public class WebhookDelivery extends TenantRow {

    public Long settingId;
    public String printerId;
    public String event;
    public String url;
    public String payload;
    @Convert(converter = DeliveryStatus.Column.class)
    public DeliveryStatus status;
    public int attempts;
    public Instant nextAttemptAt;
    public Integer lastStatusCode;
    public String lastError;
    public Instant createdAt;
    public Instant deliveredAt;
}
