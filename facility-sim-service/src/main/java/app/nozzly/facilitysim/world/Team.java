package app.nozzly.facilitysim.world;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import app.nozzly.platform.tenancy.TenantEntity;

/** A student team of one game (tenant) with its funds. */
@Entity
public class Team extends TenantEntity {

    @Id
    public UUID id;

    public String name;

    public BigDecimal funds;

    public OffsetDateTime createdAt;
}
