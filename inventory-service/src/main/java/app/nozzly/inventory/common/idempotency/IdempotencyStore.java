package app.nozzly.inventory.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * Idempotency keys per tenant with the first answer, or the reference of the rows it is rebuilt from. Claiming
 * a key inserts its row in the caller's transaction; a concurrent request with the same key waits on the unique
 * key until the first commits (then reads its answer) or rolls back (then proceeds itself). A refused request
 * leaves no key behind.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** The answer to a request with a key: 201 and its JSON body the first time, 200 and the same body after. */
    public record Answer(int status, String body) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    ObjectMapper mapper;

    /**
     * Makes the request's effect once per key: the first request runs {@code effect} and stores the view it
     * answers with the key, in the caller's transaction; a repeated key answers the stored body and runs nothing.
     *
     * @throws ApiProblem 422 when the key was used for a different request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Answer once(String scope, String key, Object request, Supplier<Object> effect) {
        Claim claim = claim(scope, key, request, null);
        if (!claim.first()) {
            return new Answer(200, claim.body());
        }
        return new Answer(201, complete(scope, key, 201, effect.get()));
    }

    /**
     * Makes the request's effect once per key where the effect's own rows are its answer (a movement and its ledger
     * rows): the key is claimed with the reference those rows are stored under, and nothing is written with the key
     * after the effect; a repeated key answers the view {@code replay} rebuilds from the rows of that reference.
     *
     * @throws ApiProblem 422 when the key was used for a different request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Answer once(String scope, String key, Object request, Function<UUID, Object> effect,
            Function<UUID, Object> replay) {
        Claim claim = claim(scope, key, request, UUID.randomUUID());
        if (claim.first()) {
            return new Answer(201, json(effect.apply(claim.reference())));
        }
        return new Answer(200, claim.body() != null ? claim.body() : json(replay.apply(claim.reference())));
    }

    /** A claimed key: this request's own, or the first request's with its answer or its reference. */
    private record Claim(boolean first, String body, UUID reference) {
    }

    /** Claims {@code key} for this request, or finds the claim of the request that came first. */
    private Claim claim(String scope, String key, Object request, UUID reference) {
        String tenant = tenants.require();
        String hash = hash(request);
        int inserted = em.createNativeQuery("insert into idempotency_record (tenant_id, scope, idempotency_key,"
                + " request_hash, reference, created_at) values (?1, ?2, ?3, ?4, cast(?5 as uuid), now())"
                + " on conflict do nothing")
                .setParameter(1, tenant).setParameter(2, scope).setParameter(3, key).setParameter(4, hash)
                .setParameter(5, reference).executeUpdate();
        if (inserted == 1) {
            return new Claim(true, null, reference);
        }
        List<?> rows = em.createNativeQuery("select request_hash, response_body, reference from idempotency_record"
                + " where tenant_id = ?1 and scope = ?2 and idempotency_key = ?3")
                .setParameter(1, tenant).setParameter(2, scope).setParameter(3, key).getResultList();
        Object[] row = (Object[]) rows.get(0);
        if (!hash.equals(row[0])) {
            throw ApiProblem.unprocessable("idempotency_key '" + key
                    + "' was already used for a different request; use a new key for a new request");
        }
        return new Claim(false, (String) row[1], (UUID) row[2]);
    }

    /** Records the answer of a claimed key, in the same transaction as the effect. */
    private String complete(String scope, String key, int status, Object response) {
        String body = json(response);
        em.createNativeQuery("update idempotency_record set response_status = ?1, response_body = ?2"
                + " where tenant_id = ?3 and scope = ?4 and idempotency_key = ?5")
                .setParameter(1, status).setParameter(2, body).setParameter(3, tenants.require())
                .setParameter(4, scope).setParameter(5, key).executeUpdate();
        return body;
    }

    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
