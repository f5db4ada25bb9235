package app.nozzly.inventory.spools;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import app.nozzly.inventory.materialtypes.MaterialType;
import app.nozzly.platform.tenancy.TenantEntity;

/**
 * A filament spool: what it is, where it is, what it cost. Its grams live in the {@code StockItem} of the
 * same id, changed only through the ledger.
 */
@Entity
@Table(name = "spool")
@DynamicUpdate
public class Spool extends TenantEntity {

    @Id
    public UUID id;

    public String spoolCode;

    public String brand;

    public String color;

    public String colorHex;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "material_type_id")
    public MaterialType materialType;

    public BigDecimal diameterMm;

    public BigDecimal initialWeightGrams;

    public BigDecimal emptySpoolWeightGrams;

    public BigDecimal costPerGram;

    public String location;

    public String lot;

    public LocalDate purchasedAt;

    public boolean archived;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;
}
