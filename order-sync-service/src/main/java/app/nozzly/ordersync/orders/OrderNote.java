package app.nozzly.ordersync.orders;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.nozzly.ordersync.common.TenantRow;

/** An internal note on an order (specs/002 POST /orders/:id/notes). */
@Entity
@Table(name = "order_note")
public class OrderNote extends TenantRow {

    /** The column's bound (check constraint of V5__text_bounds.sql), in characters. */
    public static final int CONTENT_MAX = 10_000;

    public long orderId;
    public String content;
    public LocalDateTime createdAt;
}
