package app.nozzly.ordersync.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where Etsy Open API v3 lives and who we are to it (reference/README.md, Etsy). */
@ConfigMapping(prefix = "etsy")
public interface EtsyConfig {

    @WithDefault("https://api.etsy.com")
    String apiBaseUrl();

    @WithDefault("https://www.etsy.com/oauth/connect")
    String authorizeUrl();

    String keystring();

    String sharedSecret();

    String redirectUri();

    @WithDefault("transactions_r transactions_w shops_r email_r")
    String scopes();

    /** Etsy's per-second budget of our API key, shared by every replica. */
    @WithDefault("10")
    int ratePerSecond();

    /** Etsy's per-day budget of our API key, shared by every replica. */
    @WithDefault("10000")
    int ratePerDay();

    /** Refresh an access token this long before it expires. */
    @WithDefault("PT2M")
    Duration refreshMargin();
}
