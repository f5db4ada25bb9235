package app.nozzly.ordersync.orders.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.ordersync.etsy.client.EtsyModels;
import app.nozzly.ordersync.orders.Order;
import app.nozzly.ordersync.orders.OrderCommunication;
import app.nozzly.ordersync.orders.OrderItem;
import app.nozzly.ordersync.orders.OrderNote;
import app.nozzly.ordersync.orders.OrderStatus;
import app.nozzly.ordersync.orders.ProductionStatus;
import app.nozzly.ordersync.orders.ReceiptRules;
import app.nozzly.ordersync.orders.mapping.OrderMapper;
import app.nozzly.ordersync.orders.mapping.OrderViews;
import app.nozzly.ordersync.orders.repository.OrderQueries;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.outbox.Outbox;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** specs/002 Order Management rules; every change announces itself on orders.events in its transaction. */
@ApplicationScoped
@Transactional
public class OrderService {

    public static final String TOPIC = "orders.events";

    /** What applying one Etsy receipt did. */
    public enum Applied { CREATED, UPDATED, UNCHANGED }

    /** specs/002 GET /orders filters; null: any. {@code to} is exclusive. */
    public record Filter(OrderStatus status, ProductionStatus productionStatus, LocalDateTime from, LocalDateTime to) {
    }

    @Inject
    Outbox outbox;

    @Inject
    OrderQueries queries;

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderViews.OrderPage list(Filter filter, int limit, int offset) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ApiProblem.invalidField("start_date", "must not be after end_date");
        }
        OrderQueries.Page page = queries.list(filter.status() == null ? null : filter.status().wire(),
                filter.productionStatus() == null ? null : filter.productionStatus().wire(), filter.from(), filter.to(),
                limit, offset);
        List<Order> orders = page.orders();
        long total = page.total();
        Map<Long, List<OrderItem>> items = queries.itemsOf(orders.stream().map(o -> o.id).toList());
        List<OrderViews.OrderView> views = orders.stream()
                .map(o -> OrderMapper.toView(o, items.getOrDefault(o.id, List.of()))).toList();
        int pages = (int) ((total + limit - 1) / limit);
        return new OrderViews.OrderPage(views, total, limit, offset, offset / limit + 1, pages);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OrderViews.OrderView> find(long id) {
        return Order.<Order>findByIdOptional(id)
                .map(o -> OrderMapper.toView(o, queries.itemsOf(List.of(o.id)).getOrDefault(o.id, List.of())));
    }

    /** specs/002 PUT /orders/:id: what is given changes, what is null stays; at least one must be given. */
    public OrderViews.OrderView update(long id, OrderStatus status, ProductionStatus productionStatus, String notes) {
        if (status == null && productionStatus == null && notes == null) {
            throw ApiProblem.badRequest("send at least one of status, production_status, notes");
        }
        Order order = require(id);
        String previousStatus = order.status;
        String previousProduction = order.productionStatus;
        boolean changed = false;
        if (status != null && !status.wire().equals(order.status)) {
            order.status = status.wire();
            changed = true;
        }
        if (productionStatus != null && !productionStatus.wire().equals(order.productionStatus)) {
            order.productionStatus = productionStatus.wire();
            changed = true;
        }
        if (notes != null && !notes.equals(order.notes)) {
            order.notes = notes;
            changed = true;
        }
        if (changed) {
            order.updatedAt = now();
            announce(order, previousStatus, previousProduction);
        }
        return OrderMapper.toView(order, queries.itemsOf(List.of(order.id)).getOrDefault(order.id, List.of()));
    }

    public OrderViews.NoteView addNote(long orderId, String content) {
        require(orderId);
        OrderNote note = new OrderNote();
        note.orderId = orderId;
        note.content = content;
        note.createdAt = now();
        note.persist();
        return OrderMapper.toView(note);
    }

    /** The order's notes, oldest first; a null limit reads all of them from the offset. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrderViews.NoteView> notes(long orderId, Integer limit, int offset) {
        require(orderId);
        return page(OrderNote.<OrderNote>find("orderId", Sort.ascending("createdAt", "id"), orderId), limit, offset)
                .stream().map(OrderMapper::toView).toList();
    }

    public OrderViews.CommunicationView addCommunication(long orderId, String message,
            OrderCommunication.Direction direction, OrderCommunication.Channel channel) {
        require(orderId);
        OrderCommunication c = new OrderCommunication();
        c.orderId = orderId;
        c.message = message;
        c.direction = direction.wire();
        c.channel = channel.wire();
        c.createdAt = now();
        c.persist();
        return OrderMapper.toView(c);
    }

    /** The order's communications, oldest first; a null limit reads all of them from the offset. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrderViews.CommunicationView> communications(long orderId, Integer limit, int offset) {
        require(orderId);
        return page(OrderCommunication.<OrderCommunication>find("orderId", Sort.ascending("createdAt", "id"),
                orderId), limit, offset).stream().map(OrderMapper::toView).toList();
    }

    private static <T> List<T> page(PanacheQuery<T> query, Integer limit, int offset) {
        return query.range(offset, limit == null ? Integer.MAX_VALUE - 1 : offset + limit - 1).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return Order.count();
    }

    /**
     * Applies storable Etsy receipts (see {@link ReceiptRules#refusal}) in the caller's transaction: a new receipt
     * becomes an order, a changed one (status, refunds, shipping, total) updates its order; a receipt already held
     * unchanged does nothing. {@code seen} dates a receipt that carries no time of its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Applied> apply(List<EtsyModels.Receipt> receipts, Instant seen) {
        if (receipts.isEmpty()) {
            return List.of();
        }
        Map<Long, Order> held = new HashMap<>();
        Order.<Order>list("etsyReceiptId in ?1", receipts.stream().map(EtsyModels.Receipt::receiptId).toList())
                .forEach(o -> held.put(o.etsyReceiptId, o));
        List<Applied> applied = new ArrayList<>();
        for (EtsyModels.Receipt receipt : receipts) {
            applied.add(apply(receipt, held.get(receipt.receiptId()), seen));
        }
        return applied;
    }

    private Applied apply(EtsyModels.Receipt receipt, Order held, Instant seen) {
        Order order = held;
        String status = OrderStatus.of(receipt).wire();
        BigDecimal total = receipt.grandtotal().value();
        OptionalLong lastModified = ReceiptRules.lastModified(receipt);
        BigDecimal refunded = receipt.refundsOrEmpty().stream().filter(r -> r.amount() != null)
                .map(r -> r.amount().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (OrderStatus.REFUNDED.wire().equals(status) && refunded.signum() == 0) {
            refunded = total;
        }
        if (order == null) {
            order = new Order();
            order.etsyReceiptId = receipt.receiptId();
            order.buyerName = receipt.name();
            order.buyerEmail = receipt.buyerEmail();
            order.productionStatus = ProductionStatus.PENDING.wire();
            order.status = status;
            order.etsyStatus = receipt.status();
            order.totalAmount = total;
            order.refundedAmount = refunded;
            order.currency = receipt.grandtotal().currencyCode();
            order.shipped = receipt.isShipped();
            Instant placed = ReceiptRules.placedAt(receipt, seen);
            order.etsyCreatedAt = LocalDateTime.ofInstant(placed, ZoneOffset.UTC);
            order.etsyUpdatedAt = lastModified.orElse(placed.getEpochSecond());
            order.createdAt = now();
            order.updatedAt = order.createdAt;
            order.persist();
            List<OrderItem> items = new ArrayList<>();
            for (EtsyModels.Transaction t : receipt.transactionsOrEmpty()) {
                OrderItem item = new OrderItem();
                item.orderId = order.id;
                item.etsyTransactionId = t.transactionId();
                item.listingId = t.listingId();
                item.title = t.title() == null ? "(untitled listing)" : t.title();
                item.sku = t.sku() == null || t.sku().isBlank() ? null : t.sku();
                item.quantity = t.quantity();
                item.price = t.price() == null ? BigDecimal.ZERO : t.price().value();
                item.persist();
                items.add(item);
            }
            outbox.publish(TOPIC, String.valueOf(order.id), "order.created", OrderMapper.toEvent(order, items));
            return Applied.CREATED;
        }
        // a receipt without its update time is Etsy's current state: it may change the order, never date it back
        boolean etsyChanged = lastModified.orElse(Long.MAX_VALUE) >= order.etsyUpdatedAt
                && (!Objects.equals(receipt.status(), order.etsyStatus) || order.shipped != receipt.isShipped()
                        || order.totalAmount.compareTo(total) != 0 || order.refundedAmount.compareTo(refunded) != 0);
        if (!etsyChanged) {
            return Applied.UNCHANGED;
        }
        String previousStatus = order.status;
        order.status = status;
        order.etsyStatus = receipt.status();
        order.totalAmount = total;
        order.refundedAmount = refunded;
        order.shipped = receipt.isShipped();
        order.etsyUpdatedAt = Math.max(order.etsyUpdatedAt, lastModified.orElse(order.etsyUpdatedAt));
        order.updatedAt = now();
        announce(order, previousStatus, order.productionStatus);
        return Applied.UPDATED;
    }

    /** Publishes order.changed, and order.status-changed when a status moved, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Order order, String previousStatus, String previousProduction) {
        outbox.publish(TOPIC, String.valueOf(order.id), "order.changed",
                OrderMapper.toEvent(order, queries.itemsOf(List.of(order.id)).getOrDefault(order.id, List.of())));
        if (!previousStatus.equals(order.status) || !previousProduction.equals(order.productionStatus)) {
            outbox.publish(TOPIC, String.valueOf(order.id), "order.status-changed",
                    new OrderViews.OrderStatusChanged(order.id, String.valueOf(order.etsyReceiptId), previousStatus,
                            order.status, previousProduction, order.productionStatus));
        }
    }

    private static Order require(long id) {
        return Order.<Order>findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("order", id));
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
