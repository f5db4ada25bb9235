package app.nozzly.ordersync.orders;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.nozzly.ordersync.common.TenantRow;

/** An Etsy receipt as the shop's order (specs/002 Order Management); one receipt is one order, forever. */
@Entity(name = "ShopOrder")
@Table(name = "shop_order")
public class Order extends TenantRow {

    /** The column's bound (check constraint of V5__text_bounds.sql), in characters. */
    public static final int NOTES_MAX = 10_000;

    public long etsyReceiptId;
    public String buyerName;
    public String buyerEmail;
    public String status;
    /** Etsy's own receipt status, e.g. "fully refunded". */
    public String etsyStatus;
    public String productionStatus;
    public BigDecimal totalAmount;
    public BigDecimal refundedAmount;
    public String currency;
    public boolean shipped;
    public String notes;
    /** Sum of the cost of goods of its items' completed production runs; null until one completes. */
    public BigDecimal costOfGoods;
    /** When the buyer placed the order on Etsy (UTC). */
    public LocalDateTime etsyCreatedAt;
    /** Etsy update_timestamp of the receipt version we hold. */
    public long etsyUpdatedAt;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}
