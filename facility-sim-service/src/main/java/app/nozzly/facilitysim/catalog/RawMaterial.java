package app.nozzly.facilitysim.catalog;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import app.nozzly.facilitysim.common.Lang;
import app.nozzly.facilitysim.world.FacilityType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A RawMaterial of specs/004: global reference data (seeded by Flyway, the same for every tenant). */
@Entity
public class RawMaterial extends PanacheEntityBase {

    @Id
    public Long id;

    public int materialNumber;

    @Enumerated(EnumType.STRING)
    public FacilityType origin;

    public String nameEn;

    public String nameZh;

    public BigDecimal waterRequired;

    public BigDecimal powerRequired;

    public BigDecimal goldCost;

    public BigDecimal totalCost;

    /** Also the storage space one unit occupies. */
    public BigDecimal carbonEmission;

    @Enumerated(EnumType.STRING)
    public FacilityType requiredFacilityType;

    public String name(Lang lang) {
        return lang.pick(nameEn, nameZh);
    }
}
