package app.nozzly.ordersync.common;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row of one tenant (the connected shop) keyed by its table's identity column. Hibernate sets the tenant from the
 * session when the row is stored and never changes it.
 */
@MappedSuperclass
public abstract class TenantRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    public String tenantId;
}
