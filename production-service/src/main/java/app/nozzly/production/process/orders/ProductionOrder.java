package app.nozzly.production.process.orders;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;
import app.nozzly.production.support.Priority;

/** specs/001 ProductionOrder; produced and remaining quantities are derived from its completed batches. */
@Entity
@Table(name = "process_order")
public class ProductionOrder extends TenantEntity {

    @Id
    public UUID id;

    public String orderNumber;

    public String customerOrderId;

    public UUID productId;

    public String productName;

    public BigDecimal quantityOrdered;

    @Convert(converter = Priority.Column.class)
    public Priority priority;

    @Convert(converter = OrderStatus.Column.class)
    public OrderStatus status;

    public OffsetDateTime dueDate;

    public OffsetDateTime startDate;

    public OffsetDateTime completionDate;

    public String notes;

    public String createdBy;

    public String assignedTo;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;
}
