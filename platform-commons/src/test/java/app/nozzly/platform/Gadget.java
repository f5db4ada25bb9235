package app.nozzly.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import app.nozzly.platform.tenancy.TenantEntity;

/** A tenant-scoped entity whose columns bound its values, to prove invalid input never becomes a 500. */
@Entity
public class Gadget extends TenantEntity {

    @Id
    public UUID id;

    public String code;

    public BigDecimal weight;

    public LocalDate madeOn;

    public String kind;
}
