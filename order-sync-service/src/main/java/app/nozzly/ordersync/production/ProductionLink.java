package app.nozzly.ordersync.production;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.nozzly.ordersync.common.TenantRow;

/** One order item produced by one production run, as production.runs told us. */
@Entity
@Table(name = "production_link")
public class ProductionLink extends TenantRow {

    public static final String QUEUED = "queued";
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public UUID runId;
    public String runNumber;
    public long orderId;
    public long orderItemId;
    public UUID runItemId;
    public String status;
    /** Successful units of this item once the run completed. */
    public int producedQuantity;
    /** This item's share of the completed run's cost of goods. */
    public BigDecimal costOfGoods;
    public LocalDateTime updatedAt;
}
