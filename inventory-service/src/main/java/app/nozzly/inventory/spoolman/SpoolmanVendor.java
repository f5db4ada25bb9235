package app.nozzly.inventory.spoolman;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.nozzly.platform.tenancy.TenantEntity;

/** A Spoolman vendor: the brand its spools carry. */
@Entity
@Table(name = "spoolman_vendor")
public class SpoolmanVendor extends TenantEntity {

    @Id
    public Long id;

    public String name;

    public OffsetDateTime registered;

    public String comment;

    public Double emptySpoolWeight;

    public String externalId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> extra;
}
