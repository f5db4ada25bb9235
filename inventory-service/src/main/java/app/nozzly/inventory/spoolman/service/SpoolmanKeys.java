package app.nozzly.inventory.spoolman.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;

import app.nozzly.inventory.spoolman.SpoolmanKey;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * Integration keys of Spoolman's API: made with 256 random bits, shown once, stored as their SHA-256, looked up
 * in the database on every request (a revocation holds at once on every replica).
 */
@ApplicationScoped
@Transactional
public class SpoolmanKeys {

    private static final Logger LOG = Logger.getLogger(SpoolmanKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    SpoolmanEvents events;

    /** A key just made: the entity and the key itself, which nothing keeps. */
    public record Created(SpoolmanKey key, String secret) {
    }

    /** Which tenant a key opens, and the key's id (the cause of what its clients move). */
    public record Resolved(String tenant, UUID keyId) {
    }

    public Created create(String name, String user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "sm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SpoolmanKey key = new SpoolmanKey();
        key.id = UUID.randomUUID();
        key.name = name == null || name.isBlank() ? "Spoolman" : name.trim();
        key.keyHash = hash(secret);
        key.createdBy = user;
        key.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        key.persist();
        LOG.infof("tenant %s: Spoolman key %s (%s) created by %s", tenants.require(), key.id, key.name, user);
        return new Created(key, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SpoolmanKey> list() {
        return SpoolmanKey.listAll(Sort.ascending("createdAt").and("id"));
    }

    public void revoke(UUID id, String user) {
        SpoolmanKey key = SpoolmanKey.<SpoolmanKey>findByIdOptional(id)
                .orElseThrow(() -> ApiProblem.notFound("spoolman key", id));
        if (key.revokedAt == null) {
            key.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
            events.revoked(key.id);
            LOG.infof("tenant %s: Spoolman key %s (%s) revoked by %s", tenants.require(), key.id, key.name, user);
        }
    }

    /**
     * The tenant of a key that is not revoked; read across tenants, since the key is what names the tenant. Also
     * called for WebSocket upgrades, outside any HTTP request's context.
     */
    @ActivateRequestContext
    public Optional<Resolved> resolve(String secret) {
        if (secret == null || secret.length() > 200) {
            return Optional.empty();
        }
        List<?> rows = tenants.callAsSystem(() -> em.createNativeQuery("select tenant_id, id from spoolman_key"
                + " where key_hash = ?1 and revoked_at is null").setParameter(1, hash(secret)).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Resolved((String) row[0], (UUID) row[1]));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
