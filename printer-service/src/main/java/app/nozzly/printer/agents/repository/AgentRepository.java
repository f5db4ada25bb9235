package app.nozzly.printer.agents.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.nozzly.printer.agents.EdgeAgent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Edge agents of the tenant in scope (row-level security); the system scope sees every tenant's. */
@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<EdgeAgent, String> {

    public List<EdgeAgent> all() {
        return list("order by enrolledAt, id");
    }

    public Optional<EdgeAgent> byCredentialHash(String hash) {
        return find("credentialHash", hash).firstResultOptional();
    }

    /** Of {@code ids}, the agents revoked since (any tenant's when run in the system scope). */
    public List<String> revokedOf(List<String> ids) {
        return ids.isEmpty() ? List.of()
                : find("id in ?1 and revokedAt is not null", ids).project(IdOnly.class).list().stream()
                        .map(IdOnly::id).toList();
    }

    /** A projection of an agent's id. */
    public record IdOnly(String id) {
    }
}
