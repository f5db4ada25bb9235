package app.nozzly.ordersync.orders.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import app.nozzly.ordersync.orders.Order;
import app.nozzly.ordersync.orders.OrderCommunication;
import app.nozzly.ordersync.orders.OrderItem;
import app.nozzly.ordersync.orders.OrderNote;
import app.nozzly.ordersync.orders.OrderStatus;
import app.nozzly.ordersync.orders.ProductionStatus;
import app.nozzly.ordersync.orders.Revenue;

/** Entities to the specs/002 shapes: money with at least two decimals, times to the second. */
public final class OrderMapper {

    private OrderMapper() {
    }

    public static OrderViews.OrderView toView(Order order, List<OrderItem> items) {
        return new OrderViews.OrderView(order.id, String.valueOf(order.etsyReceiptId), order.buyerName,
                order.buyerEmail, OrderStatus.fromString(order.status),
                ProductionStatus.fromString(order.productionStatus), money(order.totalAmount),
                money(order.refundedAmount), order.currency, order.notes, cents(order.costOfGoods), margin(order),
                seconds(order.etsyCreatedAt), seconds(order.updatedAt),
                items.stream().map(OrderMapper::toView).toList());
    }

    public static OrderViews.OrderItemView toView(OrderItem item) {
        return new OrderViews.OrderItemView(item.id, item.title, item.sku, item.quantity, money(item.price),
                item.producedQuantity, cents(item.costOfGoods));
    }

    public static OrderViews.NoteView toView(OrderNote note) {
        return new OrderViews.NoteView(note.id, note.orderId, note.content, seconds(note.createdAt));
    }

    public static OrderViews.CommunicationView toView(OrderCommunication c) {
        return new OrderViews.CommunicationView(c.id, c.orderId, c.message,
                OrderCommunication.Direction.valueOf(c.direction.toUpperCase(Locale.ROOT)),
                OrderCommunication.Channel.valueOf(c.channel.toUpperCase(Locale.ROOT)), seconds(c.createdAt));
    }

    public static OrderViews.OrderEvent toEvent(Order order, List<OrderItem> items) {
        return new OrderViews.OrderEvent(order.id, String.valueOf(order.etsyReceiptId), order.status,
                order.productionStatus, money(order.totalAmount), money(order.refundedAmount), order.currency,
                seconds(order.etsyCreatedAt),
                items.stream().map(i -> new OrderViews.OrderEventItem(i.id, i.sku, i.title, i.quantity, money(i.price),
                        i.producedQuantity, cents(i.costOfGoods))).toList(),
                cents(order.costOfGoods), margin(order));
    }

    /** Net revenue - cost of goods ({@link Revenue}), in cents; null while the order has no cost of goods. */
    public static BigDecimal margin(Order order) {
        return order.costOfGoods == null ? null
                : cents(Revenue.margin(Revenue.net(order.status, order.totalAmount, order.refundedAmount),
                        order.costOfGoods));
    }

    /** Cost of goods and margin: two decimals, HALF_EVEN. */
    public static BigDecimal cents(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Exact value, never in exponent notation, at least cents: 50 -> 50.00, 1.2345 stays. */
    public static BigDecimal money(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped;
    }

    public static LocalDateTime seconds(LocalDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
    }
}
