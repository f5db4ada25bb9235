package app.nozzly.facilitysim.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the simulation: the provider capacity period and the rate limits of specs/004. */
@ConfigMapping(prefix = "facility")
public interface FacilityConfig {

    /**
     * A provider's capacity is how much it can deliver per period of this length (a "game hour"); periods
     * are fixed windows aligned to the epoch, the same on every replica.
     */
    @WithDefault("PT1H")
    Duration capacityWindow();

    RateLimits rateLimit();

    /** specs/004 "Rate Limiting", per fixed window, counted in Postgres so they hold across replicas. */
    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** Start Production: 10 requests per minute per team. */
        @WithDefault("10")
        int produce();

        /** Status Check: 60 requests per minute per user. */
        @WithDefault("60")
        int status();

        /** List/Analytics: 30 requests per minute per user. */
        @WithDefault("30")
        int list();

        @WithDefault("PT1M")
        Duration window();
    }
}
