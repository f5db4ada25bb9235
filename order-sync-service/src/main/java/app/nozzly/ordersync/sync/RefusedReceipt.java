package app.nozzly.ordersync.sync;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An Etsy receipt a sync run could not turn into an order, and why; the shop synced on past it. */
@Entity
@Table(name = "refused_receipt")
public class RefusedReceipt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @org.hibernate.annotations.TenantId
    public String tenantId;

    public long syncRunId;
    public long etsyReceiptId;
    public String reason;
    public LocalDateTime refusedAt;
}
