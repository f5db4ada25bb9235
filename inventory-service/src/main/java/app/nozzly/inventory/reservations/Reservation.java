package app.nozzly.inventory.reservations;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import app.nozzly.platform.tenancy.TenantEntity;

/** Grams of a spool held for a cause (a production run); active ones are subtracted from availability. */
@Entity
@Table(name = "reservation")
@DynamicUpdate
public class Reservation extends TenantEntity {

    public static final String ACTIVE = "active";
    public static final String RELEASED = "released";
    public static final String CONSUMED = "consumed";

    @Id
    public UUID id;

    public UUID itemId;

    public BigDecimal grams;

    public String status;

    public String causeType;

    public String causeId;

    public String causeRef;

    public String idempotencyKey;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;
}
