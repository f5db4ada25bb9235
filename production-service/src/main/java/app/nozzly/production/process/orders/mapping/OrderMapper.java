package app.nozzly.production.process.orders.mapping;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import app.nozzly.production.process.batches.Batch;
import app.nozzly.production.process.orders.OrderApi.OrderView;
import app.nozzly.production.process.orders.ProductionOrder;

/** ProductionOrder entity -> specs/001 ProductionOrder; produced and remaining follow its completed batches. */
@ApplicationScoped
public class OrderMapper {

    public OrderView toView(ProductionOrder o) {
        BigDecimal produced = Batch.producedFor(o.id);
        return new OrderView(o.id, o.orderNumber, o.customerOrderId, o.productId, o.productName, o.quantityOrdered,
                produced, o.quantityOrdered.subtract(produced).max(BigDecimal.ZERO), o.priority, o.status, o.dueDate,
                o.startDate, o.completionDate, Batch.idsOf(o.id), o.notes, o.createdBy, o.assignedTo, o.createdAt,
                o.updatedAt);
    }
}
