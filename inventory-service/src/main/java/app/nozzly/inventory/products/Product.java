package app.nozzly.inventory.products;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import app.nozzly.platform.tenancy.TenantEntity;

/** A formulated product of specs/001 batches; finished stock is kept in lots (batch numbers). */
@Entity
@Table(name = "product")
@DynamicUpdate
public class Product extends TenantEntity {

    @Id
    public UUID id;

    public String name;

    public String sku;

    public String description;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;
}
