package app.nozzly.platform;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A tenant-scoped entity of the test application that exercises the plumbing. */
@Entity
public class Widget extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenantId;

    public String name;

    public int stock;
}
