package app.nozzly.facilitysim.world;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A student team of one game (tenant) with its funds. */
@Entity
public class Team extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenantId;

    public String name;

    public BigDecimal funds;

    public OffsetDateTime createdAt;
}
