package app.nozzly.printer.notifications;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One webhook notification and its delivery attempts; kept in Postgres so a restart loses none. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
    @SequenceGenerator(name = "webhook_delivery_seq", sequenceName = "webhook_delivery_seq", allocationSize = 50)
    public Long id;

    @TenantId
    public String tenantId;

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
