package app.nozzly.facilitysim.production;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import app.nozzly.facilitysim.world.ResourceType;
import app.nozzly.platform.tenancy.TenantEntity;

/**
 * One side of a water or power sale (specs/004 section 5): the consumer's debit and the provider's credit are
 * two rows with the same amount and reference; the counterparty is recorded as it was named at the time.
 */
@Entity
public class ResourceTransaction extends TenantEntity {

    public static final String CONSUMER = "CONSUMER";
    public static final String PROVIDER = "PROVIDER";
    public static final String SUCCESS = "SUCCESS";

    @Id
    public UUID id;

    public UUID teamId;

    public UUID facilityId;

    @Enumerated(EnumType.STRING)
    public ResourceType resourceType;

    public String role;

    public BigDecimal quantity;

    public BigDecimal unitPrice;

    public BigDecimal totalAmount;

    public UUID counterpartyFacilityId;

    public String counterpartyFacilityName;

    public UUID counterpartyTeamId;

    public String counterpartyTeamName;

    public UUID productionId;

    public String reference;

    public String status;

    public OffsetDateTime transactionDate;
}
