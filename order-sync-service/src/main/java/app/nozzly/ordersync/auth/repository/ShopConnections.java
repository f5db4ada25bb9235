package app.nozzly.ordersync.auth.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.nozzly.ordersync.auth.EtsyShop;
import app.nozzly.platform.tenancy.TenantContext;

/** The shop's one Etsy connection row, created on first sign-in even when two sign-ins of the shop race. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ShopConnections {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    /**
     * The current shop's connection, locked until the transaction ends: concurrent sign-ins of one shop take
     * turns and find each other's rows instead of inserting twice. A new row holds no tokens yet.
     */
    public EtsyShop lockOrCreate(String etsyUserId) {
        em.createNativeQuery("insert into etsy_shop (tenant_id, etsy_user_id, access_token_enc, refresh_token_enc,"
                + " access_expires_at, created_at, updated_at) values (?1, ?2, '', '', now(), now(), now())"
                + " on conflict (tenant_id) do nothing")
                .setParameter(1, tenants.require())
                .setParameter(2, etsyUserId)
                .executeUpdate();
        return EtsyShop.<EtsyShop>find("from EtsyShop").withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
