package app.nozzly.printer.agents.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.agents.EdgeAgent;
import app.nozzly.printer.agents.Enrollment;
import app.nozzly.printer.agents.repository.AgentRepository;
import app.nozzly.printer.errors.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Enrolment and revocation of edge agents. A code is short-lived and single-use, a credential lives until it is
 * revoked; of both only the SHA-256 is stored, so a database dump lets nobody in.
 */
@ApplicationScoped
public class AgentService {

    private static final Logger LOG = Logger.getLogger(AgentService.class);
    /** No 0/O, 1/I/L: a code is typed by hand from one screen into another. */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(15);

    private final SecureRandom random = new SecureRandom();

    @Inject
    AgentRepository agents;

    @Inject
    TenantContext tenants;

    /** The authenticated agent of a WebSocket: its tenant and id. */
    public record Identity(String tenant, String agentId) {
    }

    /** A new code for the tenant in scope; returned once, stored only as its hash. */
    public Issued issueCode(String name) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(i == 4 ? "-" : "").append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Enrollment enrollment = new Enrollment();
        enrollment.codeHash = sha256(normalised(code.toString()));
        enrollment.name = name == null || name.isBlank() ? null : name.trim();
        enrollment.createdAt = now;
        enrollment.expiresAt = now.plus(CODE_LIFETIME);
        QuarkusTransaction.requiringNew().run(enrollment::persist);
        LOG.infof("tenant %s created an agent enrollment code valid until %s", tenants.require(), enrollment.expiresAt);
        return new Issued(code.toString(), enrollment.name, enrollment.expiresAt);
    }

    /** A code as issued. */
    public record Issued(String code, String name, Instant expiresAt) {
    }

    /**
     * Enrols an agent with a code of any tenant: the code names the tenant. An unknown, used or expired code is
     * refused alike (401), so that codes cannot be probed.
     */
    public Enrolled enroll(String code, String name, String version) {
        String credential = "nze_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Enrolled enrolled = tenants.callAsSystem(() -> QuarkusTransaction.requiringNew().call(() -> {
            Enrollment enrollment = Enrollment.<Enrollment>findById(sha256(normalised(code)),
                    LockModeType.PESSIMISTIC_WRITE);
            if (enrollment == null || !enrollment.usableAt(now)) {
                return null;
            }
            EdgeAgent agent = new EdgeAgent();
            agent.tenantId = enrollment.tenantId;
            agent.id = UUID.randomUUID().toString();
            agent.name = enrollment.name != null ? enrollment.name
                    : name == null || name.isBlank() ? "agent " + agent.id.substring(0, 8) : name.trim();
            agent.version = version;
            agent.credentialHash = sha256(credential);
            agent.enrolledAt = now;
            agents.persist(agent);
            enrollment.usedAt = now;
            enrollment.agentId = agent.id;
            return new Enrolled(agent.tenantId, agent.id, agent.name, credential, now);
        }));
        if (enrolled == null) {
            LOG.infof("an agent enrollment with an unknown, used or expired code was refused");
            throw new ApiException(401, "INVALID_ENROLLMENT_CODE",
                    "the enrollment code is unknown, already used or expired; create a new one");
        }
        LOG.infof("tenant %s enrolled agent %s (%s)", enrolled.tenant(), enrolled.agentId(), enrolled.name());
        return enrolled;
    }

    /** An agent just enrolled, with the credential only it will know. */
    public record Enrolled(String tenant, String agentId, String name, String credential, Instant enrolledAt) {
    }

    /** The agent a credential belongs to, unless unknown or revoked. */
    public Optional<Identity> authenticate(String credential) {
        if (credential == null || credential.isBlank() || credential.length() > 200) {
            return Optional.empty();
        }
        return tenants.callAsSystem(() -> QuarkusTransaction.requiringNew().call(
                () -> agents.byCredentialHash(sha256(credential.trim())).filter(agent -> !agent.isRevoked())
                        .map(agent -> new Identity(agent.tenantId, agent.id))));
    }

    /** Records what a connecting agent says about itself. */
    public void connected(Identity agent, String version, String host) {
        tenants.runAs(agent.tenant(), () -> QuarkusTransaction.requiringNew().run(() -> agents.findByIdOptional(
                agent.agentId()).ifPresent(found -> {
                    found.version = version == null ? found.version : truncate(version, 64);
                    found.host = host == null ? found.host : truncate(host, 255);
                    found.lastSeenAt = Instant.now();
                })));
    }

    /** Marks the agents as seen now (while connected). */
    public void seen(List<String> agentIds) {
        if (!agentIds.isEmpty()) {
            tenants.callAsSystem(() -> QuarkusTransaction.requiringNew().call(
                    () -> agents.update("lastSeenAt = ?1 where id in ?2", Instant.now(), agentIds)));
        }
    }

    /** Of the given agents, those revoked (through any replica). */
    public List<String> revokedOf(List<String> agentIds) {
        return tenants.callAsSystem(() -> QuarkusTransaction.requiringNew().call(() -> agents.revokedOf(agentIds)));
    }

    public List<EdgeAgent> all() {
        return QuarkusTransaction.requiringNew().call(agents::all);
    }

    public EdgeAgent find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> agents.findByIdOptional(id)).orElseThrow(
                () -> new ApiException(404, "AGENT_NOT_FOUND", "agent " + id + " not found", Map.of("agent_id", id)));
    }

    /** Revokes the agent for good; its credential stops working at once (the caller closes its connection). */
    public EdgeAgent revoke(String id) {
        EdgeAgent revoked = QuarkusTransaction.requiringNew().call(() -> {
            EdgeAgent agent = agents.findByIdOptional(id).orElseThrow(() -> new ApiException(404, "AGENT_NOT_FOUND",
                    "agent " + id + " not found", Map.of("agent_id", id)));
            if (agent.revokedAt == null) {
                agent.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            }
            return agent;
        });
        LOG.infof("tenant %s revoked agent %s (%s)", revoked.tenantId, revoked.id, revoked.name);
        return revoked;
    }

    private static String normalised(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
