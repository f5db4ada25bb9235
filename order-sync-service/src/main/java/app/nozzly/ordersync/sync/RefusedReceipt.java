package app.nozzly.ordersync.sync;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.nozzly.ordersync.common.TenantRow;

/** An Etsy receipt a sync run could not turn into an order, and why; the shop synced on past it. */
@Entity
@Table(name = "refused_receipt")
public class RefusedReceipt extends TenantRow {

    public long syncRunId;
    public long etsyReceiptId;
    public String reason;
    public LocalDateTime refusedAt;
}
