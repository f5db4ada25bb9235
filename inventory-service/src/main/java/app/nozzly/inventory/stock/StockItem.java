package app.nozzly.inventory.stock;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import app.nozzly.platform.tenancy.TenantEntity;

/**
 * The stock of one countable thing (spool, material, model or product; same id as that thing).
 * Only {@link app.nozzly.inventory.stock.service.StockLedger} changes it, each change one conditional statement
 * on its row, and always together with ledger rows, so quantity equals the sum of the item's ledger.
 */
@Entity
@Table(name = "stock_item")
@DynamicUpdate
public class StockItem extends TenantEntity {

    @Id
    public UUID id;

    public String itemType;

    public String unit;

    public BigDecimal quantity;

    public BigDecimal reserved;

    public BigDecimal lowStockThreshold;

    public boolean lowStockAlerted;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    public static StockItem create(UUID id, String itemType, String unit, BigDecimal lowStockThreshold) {
        StockItem item = new StockItem();
        item.id = id;
        item.itemType = itemType;
        item.unit = unit;
        item.quantity = BigDecimal.ZERO;
        item.reserved = BigDecimal.ZERO;
        item.lowStockThreshold = lowStockThreshold;
        item.createdAt = OffsetDateTime.now();
        item.updatedAt = item.createdAt;
        return item;
    }

    public BigDecimal available() {
        return quantity.subtract(reserved);
    }

    public boolean isLow() {
        return lowStockThreshold != null && quantity.compareTo(lowStockThreshold) <= 0;
    }
}
