package app.nozzly.printer.persistence;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import app.nozzly.platform.tenancy.TenantEntity;

/**
 * A row of one tenant keyed by a number from its entity's own sequence, which the entity names in a class-level
 * {@code @SequenceGenerator(sequenceName = "..._seq", allocationSize = 50)}.
 */
@MappedSuperclass
public abstract class TenantRow extends TenantEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    public Long id;
}
