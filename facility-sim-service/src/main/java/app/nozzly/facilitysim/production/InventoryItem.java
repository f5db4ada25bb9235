package app.nozzly.facilitysim.production;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.nozzly.platform.tenancy.TenantEntity;

/**
 * A team's stock of one raw material in one facility: repeated productions combine into it with a weighted
 * average unit cost, and its metadata keeps the production history (specs/004, update of 2025-09-06).
 */
@Entity
public class InventoryItem extends TenantEntity {

    @Id
    public UUID id;

    public UUID teamId;

    public UUID facilityId;

    public Long rawMaterialId;

    public BigDecimal quantity;

    public BigDecimal unitCost;

    public BigDecimal totalValue;

    public BigDecimal spaceUsed;

    @JdbcTypeCode(SqlTypes.JSON)
    public Metadata metadata;

    public OffsetDateTime updatedAt;

    /** The item's metadata document; replaced (never mutated) so Hibernate sees the change. */
    public record Metadata(List<HistoryEntry> productionHistory) {
    }

    /** producedAt is ISO 8601 text: the document is stored with Hibernate's own JSON mapper, not the REST one. */
    public record HistoryEntry(UUID productionId, String productionNumber, BigDecimal quantity, BigDecimal unitCost,
            BigDecimal totalCost, BigDecimal spaceUsed, String producedAt) {
    }
}
