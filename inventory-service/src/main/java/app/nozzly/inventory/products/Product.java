package app.nozzly.inventory.products;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A formulated product of specs/001 batches; finished stock is kept in lots (batch numbers). */
@Entity
@Table(name = "product")
@DynamicUpdate
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenantId;

    public String name;

    public String sku;

    public String description;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;
}
