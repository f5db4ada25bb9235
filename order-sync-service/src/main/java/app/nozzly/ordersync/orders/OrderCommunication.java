package app.nozzly.ordersync.orders;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A logged conversation with the buyer (specs/002 POST /orders/:id/communications). */
@Entity
@Table(name = "order_communication")
public class OrderCommunication extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @org.hibernate.annotations.TenantId
    public String tenantId;

    public long orderId;
    public String message;
    public String direction;
    public String channel;
    public LocalDateTime createdAt;
}
