package app.nozzly.ordersync.common;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import app.nozzly.platform.tenancy.TenantEntity;

/** A row of one tenant (the connected shop) keyed by its table's identity column. */
@MappedSuperclass
public abstract class TenantRow extends TenantEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
}
