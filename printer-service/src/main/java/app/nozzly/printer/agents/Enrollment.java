package app.nozzly.printer.agents;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;

/** A short-lived, single-use code an admin created for enrolling one agent; only its SHA-256 is kept. */
@Entity
@Table(name = "edge_enrollment")
public class Enrollment extends TenantEntity {

    @Id
    public String codeHash;
    /** The name the admin gave the agent to come; the agent's own name is used when none. */
    public String name;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant usedAt;
    /** The agent enrolled with the code. */
    public String agentId;

    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
