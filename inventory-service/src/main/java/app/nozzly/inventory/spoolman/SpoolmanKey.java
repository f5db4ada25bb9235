package app.nozzly.inventory.spoolman;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A key that opens Spoolman's API of one tenant at /spoolman/&lt;key&gt;; only its SHA-256 is kept. */
@Entity
@Table(name = "spoolman_key")
public class SpoolmanKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenantId;

    public String name;

    public String keyHash;

    public String createdBy;

    public OffsetDateTime createdAt;

    public OffsetDateTime revokedAt;
}
