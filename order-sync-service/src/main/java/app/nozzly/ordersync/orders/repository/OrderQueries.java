package app.nozzly.ordersync.orders.repository;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import app.nozzly.ordersync.orders.Order;
import app.nozzly.ordersync.orders.OrderItem;
import io.quarkus.panache.common.Sort;

/** The shop's orders as specs/002 GET /orders filters and pages them, and the items of many orders at once. */
@ApplicationScoped
public class OrderQueries {

    /** One page of orders, newest placed first, and how many match in all. */
    public record Page(List<Order> orders, long total) {
    }

    /** Orders matching every given filter (null: any); {@code to} is exclusive. */
    public Page list(String status, String productionStatus, LocalDateTime from, LocalDateTime to, int limit,
            int offset) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (productionStatus != null) {
            where.append(" and productionStatus = :production");
            params.put("production", productionStatus);
        }
        if (from != null) {
            where.append(" and etsyCreatedAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and etsyCreatedAt < :to");
            params.put("to", to);
        }
        long total = Order.count(where.toString(), params);
        List<Order> orders = Order.<Order>find(where.toString(), Sort.descending("etsyCreatedAt", "id"), params)
                .range(offset, offset + limit - 1).list();
        return new Page(orders, total);
    }

    /** The items of these orders by order id, in the order Etsy listed them. */
    public Map<Long, List<OrderItem>> itemsOf(List<Long> orderIds) {
        Map<Long, List<OrderItem>> byOrder = new HashMap<>();
        if (orderIds.isEmpty()) {
            return byOrder;
        }
        OrderItem.<OrderItem>find("orderId in ?1", Sort.ascending("id"), orderIds).list()
                .forEach(item -> byOrder.computeIfAbsent(item.orderId, k -> new ArrayList<>()).add(item));
        return byOrder;
    }
}
