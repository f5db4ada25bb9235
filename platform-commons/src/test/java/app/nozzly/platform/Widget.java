package app.nozzly.platform;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import app.nozzly.platform.tenancy.TenantEntity;

/** A tenant-scoped entity of the test application that exercises the plumbing. */
@Entity
public class Widget extends TenantEntity {

    @Id
    public UUID id;

    public String name;

    public int stock;
}
