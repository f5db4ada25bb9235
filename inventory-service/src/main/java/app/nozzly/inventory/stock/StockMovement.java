package app.nozzly.inventory.stock;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import app.nozzly.platform.tenancy.TenantEntity;

/** One atomic stock movement request (its lines are ledger rows) with its cause. */
@Entity
@Table(name = "stock_movement")
@Immutable
public class StockMovement extends TenantEntity {

    @Id
    public UUID id;

    public String idempotencyKey;

    public String causeType;

    public String causeId;

    public String causeRef;

    public String note;

    public String createdBy;

    public OffsetDateTime createdAt;
}
