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

import app.nozzly.inventory.materialtypes.MaterialType;
import app.nozzly.platform.tenancy.TenantEntity;

/** A Spoolman filament: a material type of ours with the attributes Spoolman keeps per filament. */
@Entity
@Table(name = "spoolman_filament")
public class SpoolmanFilament extends TenantEntity {

    @Id
    public Long id;

    public OffsetDateTime registered;

    public String name;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "vendor_id")
    public SpoolmanVendor vendor;

    public String material;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "material_type_id")
    public MaterialType materialType;

    public Double price;

    public double density;

    public double diameter;

    public Double weight;

    public Double spoolWeight;

    public String articleNumber;

    public String comment;

    public Integer settingsExtruderTemp;

    public Integer settingsBedTemp;

    public String colorHex;

    public String multiColorHexes;

    public String multiColorDirection;

    public String externalId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> extra;
}
