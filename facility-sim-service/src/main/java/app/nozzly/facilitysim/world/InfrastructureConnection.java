package app.nozzly.facilitysim.world;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import app.nozzly.platform.tenancy.TenantEntity;

/** A producing facility's line to the WATER or POWER provider it buys from (at most one per resource). */
@Entity
public class InfrastructureConnection extends TenantEntity {

    @Id
    public UUID id;

    public UUID facilityId;

    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public ResourceType resourceType;

    public boolean active;

    public OffsetDateTime createdAt;

    public static Optional<InfrastructureConnection> of(UUID facilityId, ResourceType type) {
        return find("facilityId = ?1 and resourceType = ?2", facilityId, type).firstResultOptional();
    }
}
