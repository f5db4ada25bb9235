package app.nozzly.printer.agents;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;

/** A farm's edge agent: enrolled once, it reaches this service from the farm's network with its own credential. */
@Entity
@Table(name = "edge_agent")
public class EdgeAgent extends TenantEntity {

    @Id
    public String id;
    public String name;
    /** The version the agent reported when it last connected. */
    public String version;
    /** The host name the agent reported when it last connected. */
    public String host;
    /** SHA-256 (hex) of the agent's credential; the credential itself is only ever known to the agent. */
    public String credentialHash;
    public Instant enrolledAt;
    public Instant lastSeenAt;
    public Instant revokedAt;

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
