package app.nozzly.ordersync.orders;

import java.time.LocalDateTime;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.ordersync.common.TenantRow;

/** A logged conversation with the buyer (specs/002 POST /orders/:id/communications). */
@Entity
@Table(name = "order_communication")
public class OrderCommunication extends TenantRow {

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

    public long orderId;
    public String message;
    /** {@link Direction#wire()}. */
    public String direction;
    /** {@link Channel#wire()}. */
    public String channel;
    public LocalDateTime createdAt;
}
