package app.nozzly.facilitysim.production;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import app.nozzly.platform.tenancy.TenantEntity;

/**
 * One instant production of specs/004 with what it consumed and cost; the facility is recorded as it was
 * (name, type, level, tile) so history does not change when the facility does.
 */
@Entity
public class Production extends TenantEntity {

    public static final String SUCCESS = "SUCCESS";

    @Id
    public UUID id;

    public String productionNumber;

    public String status;

    public String failureReason;

    public UUID teamId;

    public UUID facilityId;

    public String facilityName;

    public String facilityType;

    public int facilityLevel;

    public int q;

    public int r;

    public Long rawMaterialId;

    public BigDecimal quantity;

    public BigDecimal waterConsumed;

    public BigDecimal powerConsumed;

    public BigDecimal waterCost;

    public BigDecimal powerCost;

    public BigDecimal materialBaseCost;

    public BigDecimal totalCost;

    public BigDecimal spaceUsed;

    public String producedBy;

    public OffsetDateTime producedAt;
}
