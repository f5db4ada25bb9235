package app.nozzly.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "platform.consumer")
public interface ConsumerConfig {

    /**
     * How often an event's effect may fail before the message goes to the dead-letter topic; failures of the database
     * being away do not count.
     */
    @WithDefault("4")
    int attempts();

    /** Pause before the second attempt; later attempts wait proportionally longer. */
    @WithDefault("250ms")
    Duration backoff();

    /** The longest pause between attempts, which an outage of the database reaches. */
    @WithDefault("5s")
    Duration maxBackoff();
}
