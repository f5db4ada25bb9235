package app.nozzly.inventory.materials;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import app.nozzly.platform.tenancy.TenantEntity;

/** A bulk raw material of specs/001 recipes (g, kg, ml or L), kept in lots with expiry. */
@Entity
@Table(name = "material")
@DynamicUpdate
public class Material extends TenantEntity {

    @Id
    public UUID id;

    public String code;

    public String name;

    public String description;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;
}
