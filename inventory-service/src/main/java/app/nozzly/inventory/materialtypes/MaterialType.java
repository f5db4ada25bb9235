package app.nozzly.inventory.materialtypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;

/** A filament material (PLA, PETG, ...) of one tenant: density and typical print temperatures. */
@Entity
@Table(name = "material_type")
public class MaterialType extends TenantEntity {

    @Id
    public UUID id;

    public String code;

    public String name;

    @Column(name = "density_g_cm3")
    public BigDecimal densityGCm3;

    @Column(name = "nozzle_temp_c")
    public Integer nozzleTempC;

    @Column(name = "bed_temp_c")
    public Integer bedTempC;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    public static Optional<MaterialType> findByCode(String code) {
        return find("upper(code) = ?1", code.trim().toUpperCase(Locale.ROOT)).firstResultOptional();
    }
}
