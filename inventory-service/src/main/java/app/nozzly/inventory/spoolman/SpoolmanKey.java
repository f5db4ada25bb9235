package app.nozzly.inventory.spoolman;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;

/** A key that opens Spoolman's API of one tenant at /spoolman/&lt;key&gt;; only its SHA-256 is kept. */
@Entity
@Table(name = "spoolman_key")
public class SpoolmanKey extends TenantEntity {

    @Id
    public UUID id;

    public String name;

    public String keyHash;

    public String createdBy;

    public OffsetDateTime createdAt;

    public OffsetDateTime revokedAt;
}
