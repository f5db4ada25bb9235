package app.nozzly.inventory.models;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import app.nozzly.platform.tenancy.TenantEntity;

/** A printable product (specs/000 items); its finished-goods units live in the StockItem of the same id. */
@Entity
@Table(name = "model")
@DynamicUpdate
public class Model extends TenantEntity {

    @Id
    public UUID id;

    public String name;

    public String sku;

    public String description;

    public BigDecimal estimatedGramsPerUnit;

    public Integer estimatedPrintMinutesPerUnit;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;
}
