package app.nozzly.platform.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An entity of one tenant: its tenant is the unit of work's when it is first stored, and never changes. Which
 * rows a session sees is the database's business (row-level security), not a query's: no repository can forget it.
 */
@MappedSuperclass
public abstract class TenantEntity extends PanacheEntityBase {

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @PrePersist
    void assignTenant() {
        if (tenantId == null) {
            tenantId = Arc.container().instance(TenantContext.class).get().require();
        }
    }
}
