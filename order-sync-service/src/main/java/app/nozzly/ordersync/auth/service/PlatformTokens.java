package app.nozzly.ordersync.auth.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.ordersync.auth.AppUser;
import app.nozzly.ordersync.config.OrderSyncConfig;
import app.nozzly.platform.tenancy.TenantContext;
import io.smallrye.jwt.build.Jwt;

/**
 * Issues the platform JWT every service accepts (ARCHITECTURE.md, Identity): RS256 with the key of
 * {@code smallrye.jwt.sign.key.location}, the shop as {@code tenant_id}, the seller's roles in groups.
 */
@ApplicationScoped
public class PlatformTokens {

    public static final String OWNER = "owner";

    @Inject
    OrderSyncConfig config;

    public String issue(AppUser user) {
        Instant now = Instant.now();
        return Jwt.issuer(config.jwt().issuer())
                .audience(config.jwt().audience())
                .subject(user.etsyUserId)
                .upn(user.username)
                .groups(Set.of(OWNER))
                .claim(TenantContext.CLAIM, user.shopId)
                .claim("user_id", user.id)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(config.jwt().lifetime()))
                .sign();
    }
}
