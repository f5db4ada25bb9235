package app.nozzly.production.process.orders.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.persistence.Where;
import app.nozzly.production.client.Inventory;
import app.nozzly.production.client.InventoryModels.Product;
import app.nozzly.production.process.batches.Batch;
import app.nozzly.production.process.batches.BatchStatus;
import app.nozzly.production.process.client.ForProcess;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;
import app.nozzly.production.process.orders.OrderApi.AssignBatch;
import app.nozzly.production.process.orders.OrderApi.CreateOrder;
import app.nozzly.production.process.orders.OrderApi.OrderStatusChange;
import app.nozzly.production.process.orders.OrderApi.OrderView;
import app.nozzly.production.process.orders.OrderStatus;
import app.nozzly.production.process.orders.ProductionOrder;
import app.nozzly.production.process.orders.mapping.OrderMapper;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;
import app.nozzly.production.support.Priority;
import app.nozzly.production.support.Sequences;

/**
 * specs/001 production orders: numbered PO-YYYY-NNN per tenant; quantities produced and remaining follow
 * the completed batches; a cancelled order takes no batch (PROD008).
 */
@ApplicationScoped
@Transactional
public class OrderService {

    @Inject
    @ForProcess
    Inventory inventory;

    @Inject
    Sequences sequences;

    @Inject
    EntityManager em;

    @Inject
    OrderMapper mapper;

    /** Filters of ProductionOrdersQuery. */
    public record OrderFilter(OrderStatus status, Priority priority, String customerOrderId, UUID productId,
            OffsetDateTime from, OffsetDateTime to) {
    }

    public OrderView create(CreateOrder request, String caller) {
        Product product = inventory.product(request.productId()).orElseThrow(() -> new ProcessException(
                ProcessErrorCode.PRODUCT_NOT_FOUND, "product " + request.productId() + " does not exist in inventory",
                Map.of("product_id", request.productId().toString())));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ProductionOrder order = new ProductionOrder();
        order.id = UUID.randomUUID();
        order.orderNumber = String.format("PO-%d-%03d", now.getYear(), sequences.next("po-" + now.getYear()));
        order.customerOrderId = request.customerOrderId();
        order.productId = request.productId();
        order.productName = product.name();
        order.quantityOrdered = request.quantityOrdered();
        order.priority = request.priority();
        order.status = OrderStatus.PENDING;
        order.dueDate = request.dueDate();
        order.notes = request.notes();
        order.createdBy = caller;
        order.assignedTo = request.assignedTo();
        order.createdAt = now;
        order.updatedAt = now;
        order.persist();
        return mapper.toView(order);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderView get(UUID id) {
        return mapper.toView(find(id, LockModeType.NONE));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrderView> list(OrderFilter filter, PageRequest page) {
        String customerOrderId = filter.customerOrderId();
        Where where = new Where()
                .and("status = :status", "status", filter.status())
                .and("priority = :priority", "priority", filter.priority())
                .and("customerOrderId = :customer", "customer",
                        customerOrderId == null || customerOrderId.isBlank() ? null : customerOrderId)
                .and("productId = :product", "product", filter.productId())
                .and("createdAt >= :from", "from", filter.from())
                .and("createdAt <= :to", "to", filter.to());
        return Page.of(ProductionOrder.<ProductionOrder>find(where.clause(), Sort.descending("createdAt").and("id"),
                where.parameters()), page, mapper::toView);
    }

    /** AssignBatch: the batch joins the order (leaving any other); both orders' quantities follow. */
    public OrderView assignBatch(UUID orderId, AssignBatch request) {
        ProductionOrder order = find(orderId, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(order);
        Batch batch = Batch.findById(request.batchId(), LockModeType.PESSIMISTIC_WRITE);
        if (batch == null) {
            throw new ProcessException(ProcessErrorCode.PROD005, "batch " + request.batchId() + " not found",
                    Map.of("batch_id", request.batchId().toString()));
        }
        requireSameProduct(order, batch.productId);
        if (batch.status == BatchStatus.FAILED) {
            throw new ProcessException(ProcessErrorCode.INVALID_STATE_TRANSITION, "batch " + batch.batchNumber
                    + " failed and cannot be assigned to an order", Map.of("batch_id", batch.id.toString()));
        }
        UUID previous = batch.productionOrderId;
        batch.productionOrderId = order.id;
        batch.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        if (previous != null && !previous.equals(order.id)) {
            ProductionOrder before = ProductionOrder.findById(previous, LockModeType.PESSIMISTIC_WRITE);
            if (before != null) {
                recompute(before);
            }
        }
        markStarted(order);
        recompute(order);
        return mapper.toView(order);
    }

    public OrderView changeStatus(UUID orderId, OrderStatusChange request) {
        ProductionOrder order = find(orderId, LockModeType.PESSIMISTIC_WRITE);
        OrderStatus to = request.status();
        boolean allowed = switch (to) {
            case CANCELLED, ON_HOLD -> order.status != OrderStatus.COMPLETED && order.status != OrderStatus.CANCELLED;
            case PENDING, IN_PROGRESS -> order.status == OrderStatus.ON_HOLD;
            case COMPLETED -> false;
        };
        if (!allowed) {
            throw new ProcessException(ProcessErrorCode.INVALID_STATE_TRANSITION, "order " + order.orderNumber
                    + " cannot go from " + order.status.value() + " to " + to.value()
                    + (to == OrderStatus.COMPLETED ? ": an order completes when its batches have produced its quantity"
                            : ""), Map.of("order_id", order.id.toString(), "status", order.status.value()));
        }
        order.status = to;
        if (request.notes() != null) {
            order.notes = request.notes();
        }
        order.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return mapper.toView(order);
    }

    /** The order a new batch joins: it exists, is not cancelled (PROD008) and is for the same product. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProductionOrder requireOpenFor(UUID orderId, UUID productId) {
        ProductionOrder order = find(orderId, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(order);
        requireSameProduct(order, productId);
        return order;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markStarted(ProductionOrder order) {
        if (order.status == OrderStatus.PENDING) {
            order.status = OrderStatus.IN_PROGRESS;
        }
        if (order.startDate == null) {
            order.startDate = OffsetDateTime.now(ZoneOffset.UTC);
        }
        order.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** After a batch of the order completed: the order completes once its quantity has been produced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void batchCompleted(UUID orderId) {
        ProductionOrder order = ProductionOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order != null) {
            recompute(order);
        }
    }

    private void recompute(ProductionOrder order) {
        BigDecimal produced = Batch.producedFor(order.id);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (produced.compareTo(order.quantityOrdered) >= 0 && (order.status == OrderStatus.IN_PROGRESS
                || order.status == OrderStatus.PENDING)) {
            order.status = OrderStatus.COMPLETED;
            order.completionDate = now;
        } else if (produced.compareTo(order.quantityOrdered) < 0 && order.status == OrderStatus.COMPLETED) {
            order.status = OrderStatus.IN_PROGRESS;
            order.completionDate = null;
        }
        order.updatedAt = now;
    }

    private static void requireOpen(ProductionOrder order) {
        if (order.status == OrderStatus.CANCELLED) {
            throw new ProcessException(ProcessErrorCode.PROD008, "production order " + order.orderNumber
                    + " is cancelled", Map.of("order_id", order.id.toString(), "order_number", order.orderNumber));
        }
        if (order.status == OrderStatus.COMPLETED) {
            throw new ProcessException(ProcessErrorCode.INVALID_STATE_TRANSITION, "production order "
                    + order.orderNumber + " is already completed", Map.of("order_id", order.id.toString()));
        }
    }

    private static void requireSameProduct(ProductionOrder order, UUID productId) {
        if (!order.productId.equals(productId)) {
            throw ApiProblem.invalidField("product_id", "production order " + order.orderNumber
                    + " is for product " + order.productId + ", not " + productId);
        }
    }

    private ProductionOrder find(UUID id, LockModeType lock) {
        return ProcessException.requireFound(ProductionOrder.findById(id, lock), ProcessErrorCode.ORDER_NOT_FOUND,
                "production order", "order_id", id);
    }
}
