package app.nozzly.ordersync.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of order-sync-service: platform tokens, token encryption and the sync (rate limits: platform.rate-limit). */
@ConfigMapping(prefix = "ordersync")
public interface OrderSyncConfig {

    /** AES key (base64, 16/24/32 bytes) that encrypts Etsy tokens at rest. */
    String tokenEncryptionKey();

    Jwt jwt();

    Sync sync();

    interface Jwt {
        @WithDefault("https://auth.nozzly.app")
        String issuer();

        @WithDefault("nozzly-api")
        String audience();

        /** Logout reaches other services through auth.revocations; a short life is the second line. */
        @WithDefault("PT8H")
        Duration lifetime();
    }

    interface Sync {
        /** How often every connected shop is synced ("off" disables the schedule). */
        @WithDefault("5m")
        String every();

        @WithDefault("30s")
        String initialDelay();

        /** Receipts per Etsy page (Etsy allows 1-100). */
        @WithDefault("100")
        int pageSize();

        /** Etsy's highest accepted offset; beyond it the sync opens a new time window. */
        @WithDefault("12000")
        int offsetCap();
    }
}
