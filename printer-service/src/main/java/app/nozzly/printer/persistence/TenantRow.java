package app.nozzly.printer.persistence;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row of one tenant keyed by a number from its entity's own sequence, which the entity names in a class-level
 * {@code @SequenceGenerator(sequenceName = "..._seq", allocationSize = 50)}. Hibernate sets the tenant from the
 * session when the row is stored and never changes it.
 */
@MappedSuperclass
public abstract class TenantRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    public Long id;

    @TenantId
    public String tenantId;
}
