package app.nozzly.facilitysim.world;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import app.nozzly.platform.tenancy.TenantEntity;

/**
 * A TileFacilityInstance of specs/004: a team's facility on hex tile (q, r). Producers have storage measured
 * in carbon units; WATER/POWER providers sell at {@link #unitPrice} up to {@link #capacityPerWindow} per period.
 */
@Entity
public class Facility extends TenantEntity {

    @Id
    public UUID id;

    public UUID teamId;

    public String name;

    @Enumerated(EnumType.STRING)
    public FacilityType type;

    public int level;

    public int q;

    public int r;

    public BigDecimal storageCapacity;

    public BigDecimal spaceUsed;

    public BigDecimal unitPrice;

    public BigDecimal capacityPerWindow;

    public OffsetDateTime createdAt;

    public BigDecimal availableSpace() {
        return storageCapacity.subtract(spaceUsed);
    }
}
