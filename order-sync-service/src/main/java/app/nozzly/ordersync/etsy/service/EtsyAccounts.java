package app.nozzly.ordersync.etsy.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import app.nozzly.ordersync.auth.EtsyShop;
import app.nozzly.ordersync.auth.service.TokenCipher;
import app.nozzly.ordersync.config.EtsyConfig;
import app.nozzly.ordersync.etsy.EtsyException;
import app.nozzly.ordersync.etsy.client.Etsy;
import app.nozzly.ordersync.etsy.client.EtsyModels;
import app.nozzly.platform.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Calls Etsy as a connected shop: a valid access token, refreshed shortly before it expires or when Etsy
 * refuses it, with the rotated refresh token stored (encrypted) every time. The refresh holds the shop's
 * row lock, so two replicas never spend the same single-use refresh token.
 */
@ApplicationScoped
public class EtsyAccounts {

    private static final Logger LOG = Logger.getLogger(EtsyAccounts.class);

    @Inject
    Etsy etsy;

    @Inject
    EtsyConfig config;

    @Inject
    TokenCipher cipher;

    @Inject
    TenantContext tenants;

    /** The shop's receipts, sorted by last change, oldest first (Etsy getShopReceipts). */
    public EtsyModels.ReceiptPage receiptsChangedSince(String shopId, Long minLastModified, int offset, int limit) {
        return call(token -> etsy.receipts(shopId, token, minLastModified, offset, limit));
    }

    /** Stores freshly issued tokens of the current tenant's shop (login). */
    public void storeTokens(EtsyShop shop, EtsyModels.Tokens tokens) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        shop.accessTokenEnc = cipher.encrypt(tokens.accessToken());
        shop.refreshTokenEnc = cipher.encrypt(tokens.refreshToken());
        shop.accessExpiresAt = now.plusSeconds(tokens.expiresIn());
        shop.updatedAt = now;
    }

    private <T> T call(Function<String, T> request) {
        String token = accessToken(false);
        try {
            return request.apply(token);
        } catch (EtsyException e) {
            if (!e.unauthorized()) {
                throw e;
            }
            LOG.infof("Etsy refused the access token of shop %s (%s); refreshing", tenants.require(), e.getMessage());
            return request.apply(accessToken(true));
        }
    }

    private String accessToken(boolean refused) {
        String tenant = tenants.require();
        EtsyShop shop = QuarkusTransaction.requiringNew().call(EtsyShop::current);
        if (shop == null) {
            throw new EtsyException(401, "shop " + tenant + " has no Etsy connection: sign in with Etsy first");
        }
        if (!refused && !expiresSoon(shop)) {
            return cipher.decrypt(shop.accessTokenEnc);
        }
        String staleAccess = shop.accessTokenEnc;
        return QuarkusTransaction.requiringNew().call(() -> {
            EtsyShop locked = EtsyShop.findById(shop.id, LockModeType.PESSIMISTIC_WRITE);
            if (!locked.accessTokenEnc.equals(staleAccess) && !expiresSoon(locked)) {
                return cipher.decrypt(locked.accessTokenEnc);
            }
            EtsyModels.Tokens tokens = etsy.refresh(tenant, cipher.decrypt(locked.refreshTokenEnc));
            storeTokens(locked, tokens);
            LOG.infof("refreshed the Etsy access token of shop %s; it now expires at %s", tenant,
                    locked.accessExpiresAt);
            return tokens.accessToken();
        });
    }

    private boolean expiresSoon(EtsyShop shop) {
        return shop.accessExpiresAt.isBefore(OffsetDateTime.now(ZoneOffset.UTC).plus(config.refreshMargin()));
    }
}
