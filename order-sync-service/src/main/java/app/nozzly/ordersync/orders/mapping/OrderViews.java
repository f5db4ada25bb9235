package app.nozzly.ordersync.orders.mapping;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** The specs/002 Order Management shapes (snake_case on the wire). */
public final class OrderViews {

    private OrderViews() {
    }

    public record OrderItemView(long id, String title, String sku, int quantity, BigDecimal price) {
    }

    public record OrderView(long id, String etsyOrderId, String buyerName, String buyerEmail, String status,
            String productionStatus, BigDecimal totalAmount, BigDecimal refundedAmount, String currency, String notes,
            LocalDateTime createdAt, LocalDateTime updatedAt, List<OrderItemView> items) {
    }

    /** specs/002 GET /orders: the orders plus the spec's pagination fields. */
    public record OrderPage(List<OrderView> orders, long total, int limit, int offset, int page, int pages) {
    }

    public record NoteView(long id, long orderId, String content, LocalDateTime createdAt) {
    }

    public record CommunicationView(long id, long orderId, String message, String direction, String channel,
            LocalDateTime createdAt) {
    }

    /** Payload of order.created and order.changed on orders.events. */
    public record OrderEvent(long orderId, String etsyOrderId, String status, String productionStatus,
            BigDecimal totalAmount, BigDecimal refundedAmount, String currency, LocalDateTime createdAt) {
    }

    /** Payload of order.status-changed on orders.events. */
    public record OrderStatusChanged(long orderId, String etsyOrderId, String previousStatus, String status,
            String previousProductionStatus, String productionStatus) {
    }
}
