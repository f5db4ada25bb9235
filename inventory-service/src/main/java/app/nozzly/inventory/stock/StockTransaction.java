package app.nozzly.inventory.stock;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import app.nozzly.platform.tenancy.TenantEntity;

/**
 * A row of the append-only stock ledger (a database trigger refuses UPDATE and DELETE). The sum of an
 * item's signed quantities is its current stock.
 */
@Entity
@Table(name = "stock_transaction")
@Immutable
public class StockTransaction extends TenantEntity {

    @Id
    public UUID id;

    public UUID movementId;

    public int lineNo;

    public String itemType;

    public UUID itemId;

    public String kind;

    public BigDecimal quantity;

    public BigDecimal signedQuantity;

    public String unit;

    public BigDecimal balanceAfter;

    public String lotNumber;

    public UUID reservationId;

    public String causeType;

    public String causeId;

    public String causeRef;

    public String note;

    public OffsetDateTime createdAt;
}
