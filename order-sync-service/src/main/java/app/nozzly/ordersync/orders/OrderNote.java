package app.nozzly.ordersync.orders;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An internal note on an order (specs/002 POST /orders/:id/notes). */
@Entity
@Table(name = "order_note")
public class OrderNote extends PanacheEntityBase {

    /** The column's bound (check constraint of V5__text_bounds.sql), in characters. */
    public static final int CONTENT_MAX = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @org.hibernate.annotations.TenantId
    public String tenantId;

    public long orderId;
    public String content;
    public LocalDateTime createdAt;
}
