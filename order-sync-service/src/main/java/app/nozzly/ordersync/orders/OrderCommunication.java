package app.nozzly.ordersync.orders;

import java.time.LocalDateTime;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A logged conversation with the buyer (specs/002 POST /orders/:id/communications). */
@Entity
@Table(name = "order_communication")
public class OrderCommunication extends PanacheEntityBase {

    /** The column's bound (check constraint of V5__text_bounds.sql), in characters. */
    public static final int MESSAGE_MAX = 10_000;

    /** Who spoke: the buyer (inbound) or the shop (outbound). */
    public enum Direction {
        INBOUND, OUTBOUND;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the conversation happened. */
    public enum Channel {
        ETSY_MESSAGE, EMAIL, PHONE, OTHER;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @org.hibernate.annotations.TenantId
    public String tenantId;

    public long orderId;
    public String message;
    /** {@link Direction#wire()}. */
    public String direction;
    /** {@link Channel#wire()}. */
    public String channel;
    public LocalDateTime createdAt;
}
