package app.nozzly.inventory.spoolman;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.nozzly.inventory.spools.Spool;
import app.nozzly.platform.tenancy.TenantEntity;

/**
 * Spoolman's side of one of our spools: its integer id, filament and the attributes only Spoolman has. Its
 * grams are the spool's stock; {@code usedOffset} is what Spoolman's used_weight holds beyond the ledger.
 */
@Entity
@Table(name = "spoolman_spool")
public class SpoolmanSpool extends TenantEntity {

    @Id
    public Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "spool_id")
    public Spool spool;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "filament_id")
    public SpoolmanFilament filament;

    public OffsetDateTime registered;

    public OffsetDateTime firstUsed;

    public OffsetDateTime lastUsed;

    public Double price;

    public boolean initialWeightSet;

    public double usedOffset;

    public String comment;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> extra;

    public boolean deleted;
}
