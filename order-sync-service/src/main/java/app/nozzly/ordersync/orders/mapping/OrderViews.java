package app.nozzly.ordersync.orders.mapping;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.ordersync.orders.OrderCommunication;
import app.nozzly.ordersync.orders.OrderStatus;
import app.nozzly.ordersync.orders.ProductionStatus;

/** The specs/002 Order Management shapes (snake_case on the wire). */
public final class OrderViews {

    private OrderViews() {
    }

    /** An order line; produced_quantity and cost_of_goods come from its completed production runs (README). */
    public record OrderItemView(long id, String title, String sku, int quantity, BigDecimal price,
            int producedQuantity, BigDecimal costOfGoods) {
    }

    /** cost_of_goods and margin (net revenue - cost of goods) stay null until a production run completes. */
    public record OrderView(long id, String etsyOrderId, String buyerName, String buyerEmail, OrderStatus status,
            ProductionStatus productionStatus, BigDecimal totalAmount, BigDecimal refundedAmount, String currency, String notes,
            BigDecimal costOfGoods, BigDecimal margin, LocalDateTime createdAt, LocalDateTime updatedAt,
            List<OrderItemView> items) {
    }

    /** specs/002 GET /orders: the orders plus the spec's pagination fields. */
    public record OrderPage(List<OrderView> orders, long total, int limit, int offset, int page, int pages) {
    }

    public record NoteView(long id, long orderId, String content, LocalDateTime createdAt) {
    }

    public record CommunicationView(long id, long orderId, String message, OrderCommunication.Direction direction,
            OrderCommunication.Channel channel, LocalDateTime createdAt) {
    }

    /** An order line on order.created and order.changed (asyncapi.yaml, orders.events). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OrderEventItem(long orderItemId, String sku, String title, int quantity, BigDecimal price,
            int producedQuantity, BigDecimal costOfGoods) {
    }

    /** Payload of order.created and order.changed on orders.events, with items and cost_of_goods (asyncapi.yaml). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OrderEvent(long orderId, String etsyOrderId, String status, String productionStatus,
            BigDecimal totalAmount, BigDecimal refundedAmount, String currency, LocalDateTime createdAt,
            List<OrderEventItem> items, BigDecimal costOfGoods, BigDecimal margin) {
    }

    /** Payload of order.status-changed on orders.events. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OrderStatusChanged(long orderId, String etsyOrderId, String previousStatus, String status,
            String previousProductionStatus, String productionStatus) {
    }
}
