package app.nozzly.ordersync.orders;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of an order, from the receipt's Etsy transaction. */
@Entity
@Table(name = "order_item")
public class OrderItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @org.hibernate.annotations.TenantId
    public String tenantId;

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
