package app.nozzly.printer.agents.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** API records of the edge agents (snake_case JSON, specs/003 conventions and error object). */
public final class AgentApi {

    private AgentApi() {
    }

    /** POST /agents/enrollment-codes: the agent's name is optional (the agent names itself otherwise). */
    public record NewEnrollment(@Size(max = 200) String name) {
    }

    /** The code to put into the agent's settings; shown once, valid until {@code expiresAt}, for one agent. */
    public record EnrollmentCode(String code, String name, Instant expiresAt) {
    }

    /** POST /agents/enroll, by the agent itself. */
    public record Enroll(@NotBlank @Size(max = 32) String code, @Size(max = 200) String name,
            @Size(max = 64) String version) {
    }

    /** The agent's id and credential: the credential is never shown again. */
    public record Enrolled(String agentId, String name, String credential, Instant enrolledAt) {
    }

    /**
     * An agent as admins see it.
     *
     * @param status   online while its connection to this service is open, offline otherwise, revoked for good
     * @param printers the printers reached through it
     */
    public record Agent(String id, String name, String status, String version, String host, Instant enrolledAt,
            Instant lastSeenAt, Instant revokedAt, List<String> printers) {
    }

    public record AgentList(List<Agent> agents) {
    }
}
