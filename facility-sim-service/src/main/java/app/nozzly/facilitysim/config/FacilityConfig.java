package app.nozzly.facilitysim.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the simulation: the capacity period of WATER/POWER providers. */
@ConfigMapping(prefix = "facility")
public interface FacilityConfig {

    /**
     * A provider's capacity is how much it can deliver per period of this length (a "game hour"); periods
     * are fixed windows aligned to the epoch, the same on every replica.
     */
    @WithDefault("PT1H")
    Duration capacityWindow();
}
