package app.nozzly.inventory.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import app.nozzly.platform.tenancy.TenantEntity;

/** A lot of a bulk material or formulated product; the lots of an item sum to its quantity. */
@Entity
@Table(name = "stock_lot")
@DynamicUpdate
public class StockLot extends TenantEntity {

    @Id
    public UUID id;

    public UUID itemId;

    public String lotNumber;

    public BigDecimal quantity;

    public LocalDate expiresAt;

    public OffsetDateTime receivedAt;

    /** Lots first-expiry-first-out: earliest expiry first, lots without expiry last, then oldest receipt. */
    public static List<StockLot> ofItem(UUID itemId) {
        return list("itemId = ?1 order by expiresAt asc nulls last, receivedAt asc, lotNumber asc", itemId);
    }
}
