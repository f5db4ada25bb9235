package app.nozzly.ordersync.auth.repository;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Platform tokens ended by logout, by token id (jti), until they would have expired anyway. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Revocations {

    @Inject
    EntityManager em;

    /** Records the revocation; false when the token was already revoked (a repeated or concurrent logout). */
    public boolean revoke(String jti, OffsetDateTime expiresAt) {
        return em.createNativeQuery("insert into revoked_token (jti, expires_at) values (?1, ?2)"
                + " on conflict do nothing")
                .setParameter(1, jti)
                .setParameter(2, expiresAt)
                .executeUpdate() == 1;
    }
}
