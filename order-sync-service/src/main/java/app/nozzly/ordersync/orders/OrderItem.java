package app.nozzly.ordersync.orders;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.nozzly.ordersync.common.TenantRow;

/** One line of an order, from the receipt's Etsy transaction. */
@Entity
@Table(name = "order_item")
public class OrderItem extends TenantRow {

    public long orderId;
    public long etsyTransactionId;
    public Long listingId;
    public String title;
    public String sku;
    public int quantity;
    /** Unit price. */
    public BigDecimal price;
    /** Successful units of the completed production runs made for this item. */
    public int producedQuantity;
    /** This item's shares of those runs' cost of goods; null until one completes. */
    public BigDecimal costOfGoods;
}
